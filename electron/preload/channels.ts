// IPC channel names: the only strings main and the preloads must agree on. Bundled into each
// preload (sandboxed preloads can require nothing but 'electron'), so this file imports types only:
// importing shared/contract.ts values would pull zod into the preload.
import type { EventName, Role } from '../../shared/contract.ts';

/** Renderer → main: `invoke(INVOKE_CHANNEL, commandName, request)`, answered with a Result. */
export const INVOKE_CHANNEL = 'till:invoke';

/**
 * Customer window → main: `invoke(CUSTOMER_CHOOSE_CHANNEL, choice)`, the customer's tip or language
 * (issue 21), answered with a Result. The customer window's only message; it reaches no command.
 */
export const CUSTOMER_CHOOSE_CHANNEL = 'customer:choose';

/** Main → renderer: one channel per contract event, `event:<name>`. */
export function eventChannel(name: EventName): string {
  return `event:${name}`;
}

/** The events each preload lets its page listen to: a copy of ROLE_EVENTS (a unit test keeps them equal). */
export const PRELOAD_EVENTS: Readonly<Record<Role, readonly EventName[]>> = {
  till: [
    'till.snapshot',
    'customer.view',
    'scanner.log',
    'scan.refused',
    'shell.quitRequested',
    'refund.changed',
  ],
  customer: ['customer.view'],
};
