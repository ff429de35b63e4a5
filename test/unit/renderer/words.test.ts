// Issue 15, item 6: values made as data (amount problems, counts, the reconciliation table, the
// scanner test) are worded in the operator's language; every message exists in every table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { reasonText } from '../../../renderer/i18n/reason-text.ts';
import { t } from '../../../renderer/i18n/t.ts';
import {
  amountProblemText,
  gatewayCellText,
  journalCellText,
  plural,
  reconcileNoteText,
  scannerDetailText,
} from '../../../renderer/i18n/words.ts';
import { zh } from '../../../renderer/i18n/zh.ts';
import type { Language } from '../../../shared/domain.ts';
import { parseAmount } from '../../../shared/money.ts';
import { reasonText as reasonTextEn } from '../../../shared/payments/attempt-reasons.ts';
import { parseReconcileNote, reconcileNote } from '../../../shared/payments/reconcile-notes.ts';

const tr = (lang: Language) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t(lang, key, params);

describe('words made from data', () => {
  it('an amount over the limit reads in French and Chinese, with the limit as money', () => {
    const parsed = parseAmount('9999', 500_000);
    assert.ok(!parsed.ok);
    assert.equal(amountProblemText(tr('en'), 'en', 'CAD', parsed), 'Amount is over the limit of $5,000.00');
    assert.match(
      amountProblemText(tr('fr'), 'fr', 'CAD', parsed),
      /^Le montant dépasse la limite de 5\s000,00\s\$$/,
    );
    assert.match(amountProblemText(tr('zh'), 'zh', 'CAD', parsed), /^金额超过上限 CA\$5,000\.00$/);
  });

  it('counts use the language’s plural rule, never "payment(s)"', () => {
    assert.equal(plural(tr('en'), 'en', 'report.checked', 1), 'Checked 1 payment');
    assert.equal(plural(tr('en'), 'en', 'report.checked', 2), 'Checked 2 payments');
    assert.equal(plural(tr('fr'), 'fr', 'report.differences', 0), '0 écart', 'French 0 is singular');
    assert.equal(plural(tr('fr'), 'fr', 'report.differences', 3), '3 écarts');
    for (const table of [en, fr, zh]) {
      for (const text of Object.values(table)) assert.doesNotMatch(text, /\(s\)/);
    }
  });

  it('reconciliation cells and notes read in the operator’s language; unknown text stays as it is', () => {
    assert.equal(journalCellText(tr('fr'), 'paid'), 'Payé');
    assert.equal(journalCellText(tr('en'), 'unknown → paid'), 'Unknown — checking → Paid');
    assert.equal(journalCellText(tr('zh'), 'refund refunded'), '退款已退款');
    assert.equal(journalCellText(tr('fr'), 'no such order'), 'commande inconnue');
    assert.equal(gatewayCellText(tr('zh'), 'success'), '已支付');
    assert.equal(gatewayCellText(tr('fr'), 'no answer'), 'pas de réponse');
    assert.equal(gatewayCellText(tr('fr'), 'WEIRD'), 'WEIRD');
    const note = reconcileNote('amountDiffers', { gateway: '12.00', journal: '12.34' });
    assert.equal(note, 'Amount differs: gateway 12.00, journal 12.34');
    assert.deepEqual(parseReconcileNote(note), {
      key: 'amountDiffers',
      params: { gateway: '12.00', journal: '12.34' },
    });
    assert.equal(
      reconcileNoteText(tr('fr'), note),
      'Montant différent\u202f: passerelle 12.00, journal 12.34',
    );
    assert.equal(reconcileNoteText(tr('zh'), 'something new'), 'something new');
  });

  it('scanner details the core writes are worded; a port path keeps its value', () => {
    assert.equal(
      scannerDetailText(tr('fr'), 'listening for scans typed as keys'),
      'à l’écoute des codes tapés comme des touches',
    );
    assert.equal(scannerDetailText(tr('zh'), '/dev/ttyACM0 at 9600 baud'), '/dev/ttyACM0，9600 波特');
  });

  it('French puts a narrow no-break space before a colon and Chinese a full-width colon', () => {
    assert.equal(fr['report.manualList'], 'Corrections manuelles\u202f: {orders}');
    assert.equal(zh['report.manualList'], '人工更正：{orders}');
    for (const [key, text] of Object.entries(fr)) {
      assert.doesNotMatch(text, /[^\u202f\u00a0\s/]:(\s|$)/, `${key}: "${text}"`);
    }
    for (const [key, text] of Object.entries(zh)) {
      if (/[\u4e00-\u9fff]/.test(text)) assert.doesNotMatch(text, /[\u4e00-\u9fff]:/, `${key}: "${text}"`);
    }
  });

  it('a refused refund’s reason, as the core writes it, reads in French and Chinese', () => {
    const written = reasonTextEn('declinedByWallet').replace('nothing was charged', 'no money was returned');
    assert.equal(
      reasonText(tr('fr'), written),
      'Refusé par le portefeuille\u202f: aucun argent n’a été rendu.',
    );
    assert.equal(reasonText(tr('zh'), written), '被钱包拒绝：未退还任何款项。');
  });
});
