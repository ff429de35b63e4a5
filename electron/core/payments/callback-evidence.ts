// Rejected call-backs as bounded evidence. Anyone who can reach the listener can send them, so each one
// costs only memory here: counters per kind and remote address (first and last seen) and a capped
// sample, written to the journal in one transaction at most once per `flushMs` (and at close). A flood
// therefore costs no fsync per answer and a bounded number of rows, and the owner still sees who sent
// what, how often and when. The first rejection of each kind per window is logged at once.
import type { Clock, TimerHandle } from '../clock.ts';
import type { Journal } from '../journal/journal.ts';
import type { RejectionCounter, RejectionKind, RejectionSample } from '../journal/rejections-repo.ts';

export const EVIDENCE_FLUSH_MS = 60_000;
/** Distinct remote addresses kept per window and in the journal; the rest are counted as OTHER_REMOTE. */
export const MAX_EVIDENCE_REMOTES = 1000;
export const EVIDENCE_SAMPLE_CAP = 50;
export const OTHER_REMOTE = '(other)';

export interface RejectedCallback {
  kind: RejectionKind;
  remote: string | null;
  bodySha256: string;
  bodyBytes: number;
  note: string | null;
}

export interface CallbackEvidence {
  note(rejected: RejectedCallback): void;
  /** Writes what was gathered since the last flush (one transaction). */
  flush(): void;
  close(): void;
}

export function createCallbackEvidence(opts: {
  journal: Journal;
  clock: Clock;
  log?: (line: string, fields: Record<string, unknown>) => void;
  flushMs?: number;
  maxRemotes?: number;
  sampleCap?: number;
  onError?: (err: unknown) => void;
}): CallbackEvidence {
  const { journal, clock } = opts;
  const flushMs = opts.flushMs ?? EVIDENCE_FLUSH_MS;
  const maxRemotes = opts.maxRemotes ?? MAX_EVIDENCE_REMOTES;
  const sampleCap = opts.sampleCap ?? EVIDENCE_SAMPLE_CAP;
  let counters = new Map<string, RejectionCounter>();
  let samples: RejectionSample[] = [];
  let loggedKinds = new Set<RejectionKind>();
  let timer: TimerHandle | null = null;

  function flush(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (counters.size === 0) return;
    const batch = [...counters.values()];
    const batchSamples = samples;
    counters = new Map();
    samples = [];
    loggedKinds = new Set();
    journal.write(() => {
      const repo = journal.rejections;
      let distinct = repo.remoteCount();
      for (const c of batch) {
        let remote = c.remote;
        if (remote !== OTHER_REMOTE && !repo.knowsRemote(remote)) {
          if (distinct >= maxRemotes) remote = OTHER_REMOTE;
          else distinct += 1;
        }
        repo.add({ ...c, remote });
      }
      for (const s of batchSamples) repo.addSample(s);
      repo.trimSamples(sampleCap);
    });
    const total = batch.reduce((n, c) => n + c.count, 0);
    opts.log?.(`rejected call-backs: ${total} since the last report`, {
      byKind: Object.fromEntries(
        [...new Set(batch.map((c) => c.kind))].map((k) => [
          k,
          batch.filter((c) => c.kind === k).reduce((n, c) => n + c.count, 0),
        ]),
      ),
      remotes: new Set(batch.map((c) => c.remote)).size,
    });
  }

  function safeFlush(): void {
    try {
      flush();
    } catch (err) {
      opts.onError?.(err);
    }
  }

  return {
    note(r) {
      const at = clock.now();
      const given = r.remote ?? 'unknown';
      const key = (remote: string) => `${r.kind}\u0000${remote}`;
      const remote = counters.has(key(given)) || counters.size < maxRemotes ? given : OTHER_REMOTE;
      const c = counters.get(key(remote));
      if (c) {
        c.count += 1;
        c.lastSeen = at;
      } else {
        counters.set(key(remote), { kind: r.kind, remote, count: 1, firstSeen: at, lastSeen: at });
      }
      if (samples.length < sampleCap) {
        samples.push({
          receivedAt: at,
          kind: r.kind,
          remote: given,
          bodySha256: r.bodySha256,
          bodyBytes: r.bodyBytes,
          note: r.note,
        });
      }
      if (!loggedKinds.has(r.kind)) {
        loggedKinds.add(r.kind);
        opts.log?.(`call-back rejected (${r.kind})`, { remote: given, note: r.note });
      }
      if (timer === null) timer = clock.setTimeout(safeFlush, flushMs);
    },
    flush,
    close: safeFlush,
  };
}
