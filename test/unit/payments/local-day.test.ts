// Local days in the till's zone: midnight and day length across DST changes, and the local date and
// time of an instant, checked against Intl's own date formatting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dayRange,
  localDate,
  localDateTime,
  localMidnight,
} from '../../../electron/core/payments/local-day.ts';

const ZONE = 'America/Toronto';
const HOUR = 3_600_000;

describe('local days', () => {
  it('knows midnight, and that DST days are 23 and 25 hours long', () => {
    assert.equal(localMidnight('2026-01-15', ZONE), Date.UTC(2026, 0, 15, 5));
    const spring = dayRange('2026-03-08', ZONE);
    assert.equal(spring.toMs - spring.fromMs, 23 * HOUR);
    const autumn = dayRange('2026-11-01', ZONE);
    assert.equal(autumn.toMs - autumn.fromMs, 25 * HOUR);
    assert.throws(() => localMidnight('15/01/2026', ZONE), RangeError);
    // Date.UTC would roll these over into another month's rows.
    for (const bad of ['2026-10-61', '2026-13-45', '0000-00-00'])
      assert.throws(() => localMidnight(bad, ZONE), RangeError);
  });

  it('gives the local date and time of an instant, as Intl does, around the clock and DST', () => {
    const dateOnly = new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (let ms = Date.UTC(2026, 2, 7); ms < Date.UTC(2026, 2, 10); ms += 17 * 60_000) {
      assert.equal(localDate(ms, ZONE), dateOnly.format(new Date(ms)), new Date(ms).toISOString());
    }
    assert.equal(localDateTime(Date.UTC(2026, 0, 15, 14, 30, 5), ZONE), '2026-01-15 09:30:05');
    assert.equal(
      localDateTime(Date.UTC(2026, 0, 15, 5), ZONE),
      '2026-01-15 00:00:00',
      'midnight is 00, not 24',
    );
  });
});
