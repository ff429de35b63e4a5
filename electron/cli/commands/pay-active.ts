// pay-active: create an order the customer pays by scanning a QR (code_url), then optionally wait.
import {
  centsFlag,
  newOrderId,
  runGatewayCommand,
  secondsFlag,
  UsageError,
  waitForFinal,
  walletFlag,
} from '../cli-support.ts';

export const summary = 'ACTIVEPAY: create a QR order (--amount 12.34 --wallet WECHATPAY), print its code_url';

/** Where call-backs go when none is given: nothing listens there; the CLI polls instead. */
const NO_CALLBACK = 'http://127.0.0.1:9/ottpay-callback';

const USAGE = `usage: npm run --silent cli -- pay-active --amount 12.34 [--tip 1.00] [--wallet WECHATPAY|ALIPAY|UNIONPAY]
       [--order-id ID] [--callback-url URL] [--wait SECONDS]
Sends one ACTIVEPAY (never retried) and prints the code_url to show as a QR. With --wait, STATUS_QUERY
every 2 s until the order is final. Without --callback-url the call-back goes to ${NO_CALLBACK}.`;

export function run(args: string[]): Promise<number> {
  return runGatewayCommand(
    args,
    {
      usage: USAGE,
      flags: {
        amount: { type: 'string' },
        tip: { type: 'string' },
        wallet: { type: 'string' },
        'order-id': { type: 'string' },
        'callback-url': { type: 'string' },
        wait: { type: 'string' },
      },
    },
    async (client, values) => {
      const amountCents = centsFlag(values.amount, 'amount', true);
      const tipCents = centsFlag(values.tip, 'tip', false);
      const wallet = walletFlag(values.wallet) ?? 'WECHATPAY';
      const waitSeconds = secondsFlag(values.wait, 'wait', 0);
      const orderId = typeof values['order-id'] === 'string' ? values['order-id'] : newOrderId('A');
      const callbackUrl = typeof values['callback-url'] === 'string' ? values['callback-url'] : NO_CALLBACK;
      if (!/^https?:\/\//.test(callbackUrl)) throw new UsageError('--callback-url must be an http(s) URL');
      const created = await client.activePay({ orderId, amountCents, tipCents, wallet, callbackUrl });
      if (waitSeconds === 0) return created;
      process.stderr.write(`show this as a QR: ${created.codeUrl}\n`);
      return { ...created, final: await waitForFinal(client, orderId, waitSeconds) };
    },
  );
}
