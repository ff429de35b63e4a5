// query: STATUS_QUERY one order (or, with --refund, the configured refund query on a refund id).
import { runGatewayCommand, UsageError } from '../cli-support.ts';

export const summary = 'STATUS_QUERY: the state of one order (--order-id ID, or --refund for a refund id)';

const USAGE = `usage: npm run --silent cli -- query --order-id ID [--refund]
Prints the order's state as the gateway reports it. An order the gateway never saw exits 1 with
"declined (…, not found)".`;

export function run(args: string[]): Promise<number> {
  return runGatewayCommand(
    args,
    {
      usage: USAGE,
      flags: { 'order-id': { type: 'string' }, refund: { type: 'boolean' } },
      positionals: true,
    },
    (client, values, positionals) => {
      const orderId = typeof values['order-id'] === 'string' ? values['order-id'] : positionals[0];
      if (!orderId) throw new UsageError('--order-id is required');
      return values.refund ? client.refundQuery(orderId) : client.query(orderId);
    },
  );
}
