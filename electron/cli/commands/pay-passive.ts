// pay-passive: charge a customer's wallet payment code (the till scans it), then optionally wait.

import { GatewayError } from '../../core/gateway/types.ts';
import { walletOfCode } from '../../core/simulator/wallet-codes.ts';
import {
  centsFlag,
  newOrderId,
  runGatewayCommand,
  secondsFlag,
  UsageError,
  waitForFinal,
  walletFlag,
} from '../cli-support.ts';

export const summary = 'PASSIVEPAY: charge a scanned wallet code (--amount 12.34 --auth-code CODE)';

const USAGE = `usage: npm run --silent cli -- pay-passive --amount 12.34 --auth-code CODE [--tip 1.00]
       [--wallet WECHATPAY|ALIPAY|UNIONPAY] [--order-id ID] [--sale-num NO] [--wait SECONDS]
Sends one PASSIVEPAY (never retried). With --wait, a PROCESSING or unknown outcome is followed by
STATUS_QUERY every 2 s until the order is final.`;

export function run(args: string[]): Promise<number> {
  return runGatewayCommand(
    args,
    {
      usage: USAGE,
      flags: {
        amount: { type: 'string' },
        tip: { type: 'string' },
        'auth-code': { type: 'string' },
        wallet: { type: 'string' },
        'order-id': { type: 'string' },
        'sale-num': { type: 'string' },
        wait: { type: 'string' },
      },
    },
    async (client, values) => {
      const amountCents = centsFlag(values.amount, 'amount', true);
      const tipCents = centsFlag(values.tip, 'tip', false);
      const authCode = typeof values['auth-code'] === 'string' ? values['auth-code'].trim() : '';
      if (!authCode) throw new UsageError('--auth-code is required');
      const wallet = walletFlag(values.wallet) ?? walletOfCode(authCode);
      if (!wallet) throw new UsageError('--wallet is required: the code matches no known wallet');
      const waitSeconds = secondsFlag(values.wait, 'wait', 0);
      const orderId = typeof values['order-id'] === 'string' ? values['order-id'] : newOrderId('P');
      const saleNum = typeof values['sale-num'] === 'string' ? values['sale-num'] : undefined;
      try {
        const state = await client.passivePay({ orderId, amountCents, tipCents, wallet, authCode, saleNum });
        if (waitSeconds === 0 || state.status !== 'notpay') return state;
        return (await waitForFinal(client, orderId, waitSeconds)) ?? state;
      } catch (err) {
        if (!(err instanceof GatewayError) || err.kind !== 'unknown_outcome' || waitSeconds === 0) throw err;
        process.stderr.write(`outcome unknown (${err.message}); querying ${orderId}\n`);
        const resolved = await waitForFinal(client, orderId, waitSeconds);
        if (!resolved) throw err;
        return resolved;
      }
    },
  );
}
