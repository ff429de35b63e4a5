// OTTPay times come in several shapes ("Apr 14, 2020 12:08:58 AM", "2023-03-23 01:21:53",
// "20230323012153"); all are read as Beijing time (UTC+8) [guess]. Unreadable text gives null: the raw
// text is always kept beside the parsed value.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// A polled order answers with the same trade_time poll after poll: the last reading is kept (the
// reading is a pure function of the text, so this changes no result).
let lastRaw = '';
let lastRead: number | null = null;

export function parseTradeTime(raw: string | null | undefined): number | null {
  if (!raw) return null;
  if (raw === lastRaw) return lastRead;
  const read = readTradeTime(raw);
  lastRaw = raw;
  lastRead = read;
  return read;
}

function readTradeTime(raw: string): number | null {
  const text = raw.trim();
  let m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m) return beijing(+(m[1] ?? 0), +(m[2] ?? 0), +(m[3] ?? 0), +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const us = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) ?([AaPp][Mm])$/.exec(
    text,
  );
  if (!us) return null;
  const month = MONTHS.indexOf((us[1] ?? '').toLowerCase()) + 1;
  const hour12 = +(us[4] ?? 0);
  if (month === 0 || hour12 < 1 || hour12 > 12) return null;
  const hour = (hour12 % 12) + ((us[7] ?? '').toLowerCase() === 'pm' ? 12 : 0);
  return beijing(+(us[3] ?? 0), month, +(us[2] ?? 0), hour, +(us[5] ?? 0), +(us[6] ?? 0));
}

function beijing(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(utc);
  // Date.UTC rolls 31 Feb into March: refuse what does not read back the same.
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    d.getUTCHours() !== hour ||
    d.getUTCMinutes() !== minute ||
    d.getUTCSeconds() !== second
  ) {
    return null;
  }
  return utc - BEIJING_OFFSET_MS;
}

/** Formats epoch ms as "YYYY-MM-DD HH:MM:SS" Beijing time, as OTTPay call-backs have been seen to. */
export function formatBeijingTime(epochMs: number): string {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Formats epoch ms like "Apr 14, 2020 12:08:58 AM" Beijing time (OTTPay's trade_time). */
export function formatJavaDateTime(epochMs: number): string {
  const d = new Date(epochMs + BEIJING_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  const month = MONTHS[d.getUTCMonth()] ?? 'jan';
  const h = d.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${month[0]?.toUpperCase()}${month.slice(1)} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hour12}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}
