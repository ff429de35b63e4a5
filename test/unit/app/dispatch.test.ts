import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Handlers } from '../../../electron/core/app/handler-types.ts';
import { type Dispatchable, dispatch } from '../../../electron/core/dispatch.ts';
import { GatewayError } from '../../../electron/core/gateway/types.ts';
import { AppError } from '../../../shared/result.ts';

const SIGN_KEY = '0123456789ABCDEF';

/** A core whose handlers record what they got and throw what the test asks. */
function coreThrowing(thrown: unknown): Dispatchable & { seen: unknown[]; logged: string[] } {
  const seen: unknown[] = [];
  const logged: string[] = [];
  const handlers = {
    'sale.payActive': async (req: unknown) => {
      seen.push(req);
      if (thrown !== undefined) throw thrown;
      return { attemptId: 'a1' };
    },
    'sale.new': async () => null,
  } as unknown as Handlers;
  return { handlers, seen, logged, signedIn: () => true, logger: { error: (m) => logged.push(m) } };
}

const pay = { amountCents: 1000, tipCents: 0, wallet: 'ALIPAY' };

describe('dispatch', () => {
  it('runs the handler with the validated request and wraps the value', async () => {
    const core = coreThrowing(undefined);
    assert.deepEqual(await dispatch(core, 'till', 'sale.payActive', pay), {
      ok: true,
      value: { attemptId: 'a1' },
    });
    assert.deepEqual(core.seen, [pay]);
    assert.deepEqual(await dispatch(core, 'till', 'sale.new', undefined), { ok: true, value: null });
  });

  it('refuses the customer role before anything else', async () => {
    const core = coreThrowing(undefined);
    const r = await dispatch(core, 'customer', 'sale.payActive', pay);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'NOT_ALLOWED');
    assert.equal((await dispatch(core, 'kiosk' as 'till', 'sale.new', {})).ok, false);
    assert.deepEqual(core.seen, []);
  });

  it('refuses unknown commands and inherited names', async () => {
    const core = coreThrowing(undefined);
    for (const name of ['sale.refundEverything', 'toString', '__proto__', 'constructor']) {
      const r = await dispatch(core, 'till', name, {});
      assert.deepEqual(r, {
        ok: false,
        error: { code: 'VALIDATION', message: 'unknown command', retryable: false },
      });
    }
  });

  it('answers a bad payload with VALIDATION naming the field', async () => {
    const core = coreThrowing(undefined);
    const r = await dispatch(core, 'till', 'sale.payActive', { ...pay, amountCents: -5 });
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'VALIDATION');
    assert.match(r.error.message, /^invalid sale\.payActive request — amountCents: /);
    const extra = await dispatch(core, 'till', 'sale.payActive', { ...pay, admin: true });
    assert.ok(!extra.ok && extra.error.code === 'VALIDATION');
    const setKey = await dispatch(core, 'till', 'settings.setSignKey', { signKey: 'abc', pin: '1234' });
    assert.ok(!setKey.ok && /sign key is 16 upper-case hex/.test(setKey.error.message));
    assert.deepEqual(core.seen, []);
  });

  it('passes AppError through as data', async () => {
    const r = await dispatch(
      coreThrowing(new AppError('CONFLICT', 'One payment at a time', false)),
      'till',
      'sale.payActive',
      pay,
    );
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'CONFLICT', message: 'One payment at a time', retryable: false },
    });
  });

  it('maps every GatewayError kind to its code with a fixed message', async () => {
    const cases = [
      ['declined', 'GATEWAY_DECLINED'],
      ['invalid_request', 'GATEWAY_INVALID_REQUEST'],
      ['unknown_outcome', 'GATEWAY_UNKNOWN_OUTCOME'],
      ['network', 'GATEWAY_UNREACHABLE'],
    ] as const;
    for (const [kind, code] of cases) {
      const err = new GatewayError(kind, `internal detail with key ${SIGN_KEY} at 10.0.0.5`, 'PWD_INCORRECT');
      const r = await dispatch(coreThrowing(err), 'till', 'sale.payActive', pay);
      assert.ok(!r.ok);
      assert.equal(r.error.code, code);
      assert.ok(
        !r.error.message.includes(SIGN_KEY) && !r.error.message.includes('10.0.0.5'),
        r.error.message,
      );
    }
    const declined = await dispatch(
      coreThrowing(new GatewayError('declined', 'x', 'PWD_INCORRECT')),
      'till',
      'sale.payActive',
      pay,
    );
    assert.ok(!declined.ok && declined.error.message.includes('PWD_INCORRECT'));
  });

  it('never echoes an unexpected error, and logs it', async () => {
    const core = coreThrowing(new Error(`sqlite: disk I/O at /var/till; key=${SIGN_KEY}`));
    const r = await dispatch(core, 'till', 'sale.payActive', pay);
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error — see the till log', retryable: false },
    });
    assert.deepEqual(core.logged, ['command sale.payActive failed']);
  });
});
