// refund: give back part or all of a paid order (REFUND, with its own refund order id).
import { centsFlag, newOrderId, runGatewayCommand, UsageError } from '../cli-support.ts';

export const summary = 'REFUND: refund a paid order (--order-id ORIGINAL --amount 1.00 [--refund-id ID])';

const USAGE = `usage: npm run --silent cli -- refund --order-id ORIGINAL_ID --amount 1.00 [--refund-id ID]
Sends one REFUND (never retried). Keep the printed refundOrderId: an unknown outcome is resolved by
"query --refund --order-id REFUND_ID", never by refunding again.`;

export function run(args: string[]): Promise<number> {
  return runGatewayCommand(
    args,
    {
      usage: USAGE,
      flags: { 'order-id': { type: 'string' }, amount: { type: 'string' }, 'refund-id': { type: 'string' } },
    },
    (client, values) => {
      const originalOrderId = values['order-id'];
      if (typeof originalOrderId !== 'string' || !originalOrderId)
        throw new UsageError('--order-id is required');
      const amountCents = centsFlag(values.amount, 'amount', true);
      const refundOrderId = typeof values['refund-id'] === 'string' ? values['refund-id'] : newOrderId('R');
      process.stderr.write(`refund order id: ${refundOrderId}\n`);
      return client.refund({ refundOrderId, originalOrderId, amountCents });
    },
  );
}
