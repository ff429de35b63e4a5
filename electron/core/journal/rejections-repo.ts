// Bounded evidence of rejected call-backs (schema 4): counters per kind and remote address, and a
// capped sample of the latest ones. Written in batches by payments/callback-evidence.ts.
import type { Db } from './open-journal.ts';

/** forged: fails the md5 (or is not an envelope at all); replay: a signed body already recorded. */
export type RejectionKind = 'forged' | 'replay' | 'unconfigured';

export interface RejectionCounter {
  kind: RejectionKind;
  remote: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

export interface RejectionSample {
  receivedAt: number;
  kind: RejectionKind;
  remote: string;
  bodySha256: string;
  bodyBytes: number;
  note: string | null;
}

export function createRejectionsRepo(db: Db) {
  const upsert = db.prepare(`INSERT INTO callback_rejections (kind, remote, count, first_seen, last_seen)
    VALUES (@kind, @remote, @count, @firstSeen, @lastSeen)
    ON CONFLICT (kind, remote) DO UPDATE SET count = count + excluded.count,
      first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`);
  const known = db.prepare('SELECT 1 FROM callback_rejections WHERE remote = ? LIMIT 1');
  const remotes = db.prepare('SELECT count(DISTINCT remote) AS n FROM callback_rejections');
  const addSample =
    db.prepare(`INSERT INTO callback_rejection_samples (received_at, kind, remote, body_sha256, body_bytes, note)
    VALUES (@receivedAt, @kind, @remote, @bodySha256, @bodyBytes, @note)`);
  const trim = db.prepare(`DELETE FROM callback_rejection_samples
    WHERE sample_id <= (SELECT max(sample_id) FROM callback_rejection_samples) - ?`);
  const counters = db.prepare(`SELECT kind, remote, count, first_seen AS firstSeen, last_seen AS lastSeen
    FROM callback_rejections ORDER BY kind, remote`);
  const samples = db.prepare(`SELECT received_at AS receivedAt, kind, remote, body_sha256 AS bodySha256,
    body_bytes AS bodyBytes, note FROM callback_rejection_samples ORDER BY sample_id`);

  return {
    add(counter: RejectionCounter): void {
      upsert.run(counter);
    },
    knowsRemote(remote: string): boolean {
      return known.get(remote) !== undefined;
    },
    remoteCount(): number {
      return (remotes.get() as { n: number }).n;
    },
    addSample(sample: RejectionSample): void {
      addSample.run(sample);
    },
    /** Keeps only the latest `cap` samples. */
    trimSamples(cap: number): void {
      trim.run(cap);
    },
    counters(): RejectionCounter[] {
      return counters.all() as RejectionCounter[];
    },
    samples(): RejectionSample[] {
      return samples.all() as RejectionSample[];
    },
  };
}

export type RejectionsRepo = ReturnType<typeof createRejectionsRepo>;
