// Where one shipped batch's time went, for the store-sync benchmark's breakdown (and anyone tuning a
// chain's lag): when the agent started it after being woken, reading the journal, each round trip to
// the central PostgreSQL by name, and writing the acknowledgement. Times are performance.now() stamps
// and milliseconds: durations on this process's clock, never the time of day.

export interface RoundTrip {
  /** What the round trip did: 'connect', 'login check', 'begin', 'ingest', 'commit', … */
  what: string;
  ms: number;
}

export interface BatchPhases {
  firstSeq: number;
  lastSeq: number;
  /** The agent was woken (a nudge, a journal commit or its interval); null if it was already awake. */
  wokenAt: number | null;
  /** The batch's journal read began. */
  readAt: number;
  readMs: number;
  /** Every PostgreSQL round trip of the batch, in order (a reconnect's included). */
  roundTrips: RoundTrip[];
  ackMs: number;
  /** The acknowledgement is written: the batch is shipped as far as the till knows. */
  ackedAt: number;
}
