// The sandbox gateway keeps its books in the data folder: after a restart of the till, a sandbox sale
// taken before it can still be refunded, and the day's reconciliation finds every order (no false "no
// such order"). A books file that does not parse is kept aside and the till still starts; the JSON books
// of an older till are imported at the first start.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LEGACY_SANDBOX_BOOK_FILE, SANDBOX_BOOK_FILE } from '../../../electron/core/app/payment-stack.ts';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { openBookFile } from '../../../electron/core/simulator/book-file.ts';
import type { ReconcileReport } from '../../../shared/contract.ts';
import type { AttemptView, RefundView } from '../../../shared/domain.ts';
import { signIn } from '../../support/sign-in.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function value<T>(core: TillCore, name: string, payload: unknown): Promise<T> {
  const r = await dispatch(core, 'till', name, payload);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value as T;
}

function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Turns the books the first start wrote into the JSON books of an older till ({version: 1, orders, ledger,
 * txnSeq}, today's main's format), as a data folder from before the SQLite books holds them.
 */
function asOlderTillsBooks(dataDir: string): void {
  const sqlite = join(dataDir, SANDBOX_BOOK_FILE);
  const { book } = openBookFile(sqlite);
  const books = { version: 1, orders: book.all(), ledger: book.ledger().entries, txnSeq: book.txnSeq };
  book.close();
  writeFileSync(join(dataDir, LEGACY_SANDBOX_BOOK_FILE), JSON.stringify(books));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlite}${suffix}`, { force: true });
}

describe('sandbox books across a restart', () => {
  for (const upgrade of [false, true])
    it(`refunds and reconciles a sandbox sale taken before the restart${upgrade ? ', books from an older till' : ''}`, {
      timeout: 30_000,
    }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'till-sandbox-books-'));
      dirs.push(dataDir);
      const secrets = createMemorySecretStore();
      const first = await createTillCore({ dataDir, secrets });
      let paid: AttemptView;
      try {
        await signIn(first);
        await value(first, 'sale.payPassive', { amountCents: 4200, tipCents: 0 });
        paid = await value<AttemptView>(first, 'sale.submitScan', {
          code: '134567890123456789',
          source: 'manual',
        });
        assert.equal(paid.state, 'paid');
        await value(first, 'sale.new', {});
      } finally {
        await first.close();
      }
      assert.ok(existsSync(join(dataDir, SANDBOX_BOOK_FILE)), 'the books are in the data folder');
      if (upgrade) asOlderTillsBooks(dataDir);

      const second = await createTillCore({ dataDir, secrets });
      try {
        // A restart signs everyone out: the refund is taken by a cashier signed in on the new core.
        await signIn(second);
        const report = await value<ReconcileReport>(second, 'report.reconcile', {
          date: localDay(paid.createdAt),
        });
        assert.equal(report.checked, 1);
        assert.deepEqual(report.differences, []);
        const refund = await value<RefundView>(second, 'refund.create', {
          attemptId: paid.attemptId,
          amountCents: 1200,
          pin: '1234',
        });
        assert.equal(refund.state, 'refunded', JSON.stringify(refund));
      } finally {
        await second.close();
      }
      if (upgrade) {
        assert.ok(!existsSync(join(dataDir, LEGACY_SANDBOX_BOOK_FILE)));
        assert.equal(
          readdirSync(dataDir).filter((f) => f.startsWith(`${LEGACY_SANDBOX_BOOK_FILE}.imported-`)).length,
          1,
          'the old books are kept, renamed aside',
        );
      }
    });

  it('keeps a books file that does not parse aside and starts with empty books', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'till-sandbox-books-bad-'));
    dirs.push(dataDir);
    writeFileSync(join(dataDir, SANDBOX_BOOK_FILE), 'SQLite format 3\u0000 and then nothing that holds');
    const core = await createTillCore({ dataDir, secrets: createMemorySecretStore() });
    try {
      assert.equal(core.snapshot().sandbox, true);
      assert.equal(
        readdirSync(dataDir).filter((f) => f.startsWith(`${SANDBOX_BOOK_FILE}.unreadable-`)).length,
        1,
      );
    } finally {
      await core.close();
    }
  });
});
