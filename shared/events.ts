// What the core pushes, and who may hear and ask what. Kept apart from the command schemas so a
// renderer that only listens (the customer display) does not bundle the validator.

import type { CustomerView, TillSnapshot } from './domain.ts';
import type { ScanLogEntry } from './scanning/scan-log.ts';
import type { ScanRefusedEvent } from './scanning/scan-refusal.ts';
import type { RefundChangedEvent } from './speech/refund-to-say.ts';

export interface EventPayloads {
  'till.snapshot': TillSnapshot;
  'customer.view': CustomerView;
  'scanner.log': ScanLogEntry;
  'scan.refused': ScanRefusedEvent;
  /** Electron kiosk mode: something tried to close the till; the page asks for the supervisor PIN. */
  'shell.quitRequested': Record<string, never>;
  /** A refund changed state (sent only while someone is signed in): the till page says a confirmed one. */
  'refund.changed': RefundChangedEvent;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = [
  'till.snapshot',
  'customer.view',
  'scanner.log',
  'scan.refused',
  'shell.quitRequested',
  'refund.changed',
];

/** Who may do what. The customer display invokes nothing and hears only its projection. */
export type Role = 'till' | 'customer';
export const ROLE_EVENTS: Record<Role, readonly EventName[]> = {
  till: EVENT_NAMES,
  customer: ['customer.view'],
};
export const ROLE_CAN_INVOKE: Record<Role, boolean> = { till: true, customer: false };
