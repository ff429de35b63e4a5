// The till's tabs at the screen sizes shops use (1366×768, 1024×768, 800×480) in en, fr and zh, with
// the longest they get: the Needs-attention tab carrying a two-figure count. On a short screen the
// tabs stay on one line and scroll sideways; each keeps its words inside its edges (found by use:
// at 800×480 in French the squeezed tabs let "Rapport du jour" and "Paramètres" run past their borders).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { en } from '../../renderer/i18n/en.ts';
import { attemptRow } from '../support/attempt-row.ts';
import { gotoTill, launchBrowser, type Shell, startShell, updateSettings } from './harness.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 800, height: 480 },
] as const;
const FLAGGED = 40;

interface Tab {
  name: string;
  /** Its words run past its edges. */
  cut: boolean;
  width: number;
}

const TABS = `[...document.querySelectorAll('.nav button')].map((el) => ({
  name: el.textContent.trim(),
  cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
  width: el.getBoundingClientRect().width,
}))`;

/** Paid sales flagged for a person (e.g. another amount paid), written before the till starts. */
function flagPaidSales(dataDir: string, count: number): void {
  const handle = openJournal({ path: join(dataDir, SANDBOX_JOURNAL_FILE) });
  try {
    const journal = createJournal(handle.db);
    const start = Date.now() - 86_400_000;
    journal.write(() => {
      for (let i = 0; i < count; i++) {
        const at = start + i * 60_000;
        const id = `T1FLAG${String(i).padStart(14, '0')}`;
        journal.sales.insert({
          saleId: id,
          amountCents: 1000,
          tipCents: 0,
          currency: 'CAD',
          operatorId: '0000000001',
          terminalNo: 'T1',
          createdAt: at,
          updatedAt: at,
          closedAt: at,
        });
        journal.attempts.insert(
          attemptRow(id, at, { state: 'paid', gatewaySeen: true, paidAt: at, needsAttention: true }),
        );
      }
    });
  } finally {
    handle.db.close();
  }
}

describe('the till’s tabs fit the screen, a count on the attention tab', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'till-e2e-tabs-'));
  let shell: Shell | undefined;
  let browser: Browser;

  before(async () => {
    // A first start makes the journal; the flags are written between two starts, as a day leaves them.
    await (await startShell({ dataDir })).stop();
    flagPaidSales(dataDir, FLAGGED);
    shell = await startShell({ dataDir });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`in en, fr and zh at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}`, async () => {
    assert.ok(shell);
    const page = await (await browser.newContext({ viewport: SIZES[0] })).newPage();
    await gotoTill(page, shell);
    const found: string[] = [];
    for (const lang of ['en', 'fr', 'zh'] as const) {
      await updateSettings(shell, { operatorLanguage: lang });
      await page.reload();
      await page
        .locator('.nav button')
        .filter({ hasText: `(${FLAGGED})` })
        .waitFor();
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate('document.fonts.ready');
        const tabs = (await page.evaluate(TABS)) as Tab[];
        assert.ok(tabs.length >= 5, `${lang}: the tabs are shown (${tabs.length})`);
        for (const tab of tabs)
          if (tab.cut) found.push(`${lang} ${size.width}×${size.height}: "${tab.name}" runs past its edges`);
      }
    }
    assert.deepEqual(found, []);
    // Every tab is still there to reach: the last one scrolls into view and takes a click.
    await updateSettings(shell, { operatorLanguage: 'en' });
    await page.reload();
    await page.setViewportSize(SIZES[2]);
    await page.getByRole('button', { name: en['nav.settings'], exact: true }).click();
    await page.getByRole('heading', { name: en['settings.title'] }).waitFor();
  });
});
