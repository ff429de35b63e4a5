// The shift report's overrides and late events say what happened in words, not as journal codes: every
// event type the core journals about attempts and refunds has words in all three languages.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { t } from '../../../renderer/i18n/t.ts';
import { journalEventText } from '../../../renderer/i18n/words.ts';
import { LANGUAGES } from '../../../shared/language.ts';
import { ATTEMPT_EVENT_TYPES } from '../../../shared/payments/attempt-machine.ts';
import { REFUND_EVENT_TYPES } from '../../../shared/payments/refund-machine.ts';

// Beside the machines' own events (`attempt.<event>`), what transitions.ts and the shift close journal.
const OTHER_TYPES = [
  'attempt.created',
  'attempt.conflict',
  'attempt.needs_attention',
  'attempt.attention_cleared',
  'refund.created',
  'refund.conflict',
  'refund.needs_attention',
  'shift.unresolved_acknowledged',
];
const TYPES = [
  ...ATTEMPT_EVENT_TYPES.map((e) => `attempt.${e.toLowerCase()}`),
  ...REFUND_EVENT_TYPES.map((e) => `refund.${e.toLowerCase()}`),
  ...OTHER_TYPES,
];

it('words every journaled attempt, refund and shift event in en, fr and zh', () => {
  for (const lang of LANGUAGES) {
    const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
      t(lang, key, params);
    for (const type of TYPES) {
      const text = journalEventText(tr, type);
      assert.notEqual(text, type, `${lang}: ${type} has no words`);
      assert.doesNotMatch(text, /[a-z]+\.[a-z_]+/, `${lang}: ${type} reads as a code: ${text}`);
    }
  }
  const zh = (key: Parameters<typeof t>[1]) => t('zh', key);
  assert.equal(journalEventText(zh, 'attempt.override_paid'), '主管标记为已付款');
});

it('shows a type it does not know as it is, rather than nothing', () => {
  const en = (key: Parameters<typeof t>[1]) => t('en', key);
  assert.equal(journalEventText(en, 'attempt.from_a_newer_till'), 'attempt.from_a_newer_till');
  assert.equal(journalEventText(en, 'constructor'), 'constructor');
});
