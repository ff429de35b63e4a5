// Day boundaries in the till's own time zone: reports and searches speak of local days
// ("2026-01-15"), the journal stores epoch ms. DST days are 23 or 25 hours long.

import { isCalendarDate } from '../../../shared/calendar-date.ts';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl formatter costs far more than using one: keep one per zone, shared by all below.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** Offset (ms) of `timeZone` from UTC at instant `utcMs`. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Epoch ms of local midnight starting `date` in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const m = DAY_RE.exec(date);
  // Date.UTC would roll 2026-10-61 over into November: only real calendar days get this far.
  if (!m || !isCalendarDate(date)) throw new RangeError('date is YYYY-MM-DD');
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two rounds settle the offset even when midnight sits next to a DST change.
  let t = guess - offsetAt(guess, timeZone);
  t = guess - offsetAt(t, timeZone);
  return t;
}

/** [start, end) of a local day. */
export function dayRange(date: string, timeZone: string): { fromMs: number; toMs: number } {
  const fromMs = localMidnight(date, timeZone);
  const m = DAY_RE.exec(date);
  const next = new Date(Date.UTC(Number(m?.[1]), Number(m?.[2]) - 1, Number(m?.[3]) + 1));
  const nextDate = next.toISOString().slice(0, 10);
  return { fromMs, toMs: localMidnight(nextDate, timeZone) };
}

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timeZone: string): string {
  return localDateTime(ms, timeZone).slice(0, 10);
}

/** "2026-01-15 09:30:05" in the till's zone, for CSV and messages. */
export function localDateTime(ms: number, timeZone: string): string {
  return zoneFormat(timeZone).format(new Date(ms)).replace(',', '');
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
