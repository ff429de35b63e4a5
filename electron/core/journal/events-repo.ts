// The append-only event log: every state change with its cause. Details are JSON and never hold a
// secret (no sign key, no wallet code: only its mask).
import { hasColumn } from './has-column.ts';
import type { Db } from './open-journal.ts';
import { type EventCause, type EventEntity, type EventRow, type JournalActor, NO_ACTOR } from './rows.ts';

export interface NewEvent {
  at: number;
  entity: EventEntity;
  entityId: string;
  type: string;
  cause: EventCause;
  fromState?: string | null;
  toState?: string | null;
  detail?: Record<string, unknown>;
}

type RawEvent = Omit<EventRow, 'detail'> & { detail: string };

export function createEventsRepo(db: Db, actor: () => JournalActor = () => NO_ACTOR) {
  const hasActor = hasColumn(db, 'events', 'staff_id');
  const insert = db.prepare(
    hasActor
      ? `INSERT INTO events (at, entity, entity_id, type, cause, from_state, to_state, detail, staff_id, approver_id,
    shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      : `INSERT INTO events (at, entity, entity_id, type, cause, from_state, to_state, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const forEntity =
    db.prepare(`SELECT seq, at, entity, entity_id AS entityId, type, cause, from_state AS fromState,
    to_state AS toState, detail FROM events WHERE entity_id = ? ORDER BY seq`);
  const inRange =
    db.prepare(`SELECT seq, at, entity, entity_id AS entityId, type, cause, from_state AS fromState,
    to_state AS toState, detail FROM events WHERE at >= ? AND at < ? AND type = ? ORDER BY seq`);

  const parse = (r: RawEvent): EventRow => ({
    ...r,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  });

  return {
    append(e: NewEvent): number {
      const values = [
        e.at,
        e.entity,
        e.entityId,
        e.type,
        e.cause,
        e.fromState ?? null,
        e.toState ?? null,
        JSON.stringify(e.detail ?? {}),
      ];
      if (hasActor) {
        const who = actor();
        values.push(who.cashierId, who.approverId, who.shiftId);
      }
      const info = insert.run(...values);
      return Number(info.lastInsertRowid);
    },
    forEntity(entityId: string): EventRow[] {
      return (forEntity.all(entityId) as RawEvent[]).map(parse);
    },
    ofTypeBetween(type: string, fromMs: number, toMs: number): EventRow[] {
      return (inRange.all(fromMs, toMs, type) as RawEvent[]).map(parse);
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;
