// How the real till builds its stacks.
import { startPaymentStack } from './payment-stack.ts';
import { startScannerStack } from './scanner-stack.ts';
import type { StackFactories } from './stack-types.ts';

export const defaultStacks: StackFactories = {
  startPayments: startPaymentStack,
  startScanners: startScannerStack,
};
