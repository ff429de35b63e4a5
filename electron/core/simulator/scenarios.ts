// Deterministic scenarios, chosen by the last two digits of the amount in cents (tip excluded), so a
// merchant can walk every path of a payment from the till's keypad. The README's table is this one.

export type Scenario =
  | 'normal'
  | 'processing_then_paid'
  | 'processing_then_failed'
  | 'wrong_password'
  | 'system_error_but_paid'
  | 'no_answer_but_paid'
  | 'http_500_no_order'
  | 'bad_md5'
  | 'closes'
  | 'declined';

export const SCENARIOS: ReadonlyArray<{
  cents: string;
  scenario: Scenario;
  passive: string;
  active: string;
}> = [
  {
    cents: '00–90',
    scenario: 'normal',
    passive: 'SUCCESS, order paid at once',
    active: 'SUCCESS with code_url; paid when the customer presses Pay (expires unpaid after 5 min)',
  },
  {
    cents: '91',
    scenario: 'processing_then_paid',
    passive: 'PROCESSING (notpay); paid after ~3 s',
    active: 'code_url; the "customer" pays by itself after ~3 s',
  },
  {
    cents: '92',
    scenario: 'processing_then_failed',
    passive: 'PROCESSING (notpay); failure after ~3 s',
    active: 'code_url; the order fails after ~3 s',
  },
  {
    cents: '93',
    scenario: 'wrong_password',
    passive: 'PWD_INCORRECT; order recorded as failure',
    active: 'PWD_INCORRECT at creation; order recorded as failure',
  },
  {
    cents: '94',
    scenario: 'system_error_but_paid',
    passive: 'SYSTEM_ERROR, but the order is paid',
    active: 'SYSTEM_ERROR, but the order exists and is paid',
  },
  {
    cents: '95',
    scenario: 'no_answer_but_paid',
    passive: 'no answer until the client gives up; the order is paid',
    active: 'no answer until the client gives up; the order exists and is paid',
  },
  {
    cents: '96',
    scenario: 'http_500_no_order',
    passive: 'HTTP 500 with a garbage body; no order',
    active: 'HTTP 500 with a garbage body; no order',
  },
  {
    cents: '97',
    scenario: 'bad_md5',
    passive: 'SUCCESS whose md5 does not verify; the order is paid',
    active: 'SUCCESS whose md5 does not verify; the order waits for the customer',
  },
  {
    cents: '98',
    scenario: 'closes',
    passive: 'PROCESSING (notpay); orderclosed after ~10 s',
    active: 'code_url; orderclosed after ~10 s unless paid first',
  },
  {
    cents: '99',
    scenario: 'declined',
    passive: 'FAIL (declined); order recorded as failure',
    active: 'FAIL at creation; order recorded as failure',
  },
];

export function scenarioOf(amountCents: number): Scenario {
  switch (amountCents % 100) {
    case 91:
      return 'processing_then_paid';
    case 92:
      return 'processing_then_failed';
    case 93:
      return 'wrong_password';
    case 94:
      return 'system_error_but_paid';
    case 95:
      return 'no_answer_but_paid';
    case 96:
      return 'http_500_no_order';
    case 97:
      return 'bad_md5';
    case 98:
      return 'closes';
    case 99:
      return 'declined';
    default:
      return 'normal';
  }
}
