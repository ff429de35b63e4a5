// rate: EX_RATE_QUERY, CNY per unit of the merchant's currency.
import { runGatewayCommand, UsageError } from '../cli-support.ts';

export const summary = 'EX_RATE_QUERY: CNY per CAD or USD (--currency CAD)';

const USAGE = 'usage: npm run --silent cli -- rate [--currency CAD|USD]';

export function run(args: string[]): Promise<number> {
  return runGatewayCommand(
    args,
    { usage: USAGE, flags: { currency: { type: 'string' } } },
    (client, values) => {
      const currency = typeof values.currency === 'string' ? values.currency.toUpperCase() : 'CAD';
      if (currency !== 'CAD' && currency !== 'USD') throw new UsageError('--currency must be CAD or USD');
      return client.exchangeRate(currency);
    },
  );
}
