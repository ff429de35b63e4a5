// What the crash harness and its whole-till child (crash-till-worker.ts) agree on.
export type TillKind = 'print' | 'shift' | 'staff' | 'pin' | 'settings' | 'secrets' | 'pos';

export interface TillWorkerConfig {
  /** "init": start a till on a new folder and stop (the harness copies it as every run's start). */
  phase: 'init' | 'act' | 'restart';
  kind: TillKind;
  dataDir: string;
  /** A durable point, or "none". */
  killAt: string;
  printerTarget: string;
}

/** The POS API's bearer key in the crash runs (kind "pos"): a throwaway, like the tests'. */
export const POS_KEY = 'crash-pos-key-0123456789';
/** Kind "pos": the child prints this before its POS API URL once it takes requests, then waits for stdin to end. */
export const POS_READY = 'pos api at ';

/** What the restarted till reports for the harness's checks (the journal and files it reads itself). */
export interface TillReport {
  shopName: string;
  signKeySet: boolean;
  /** Accounts named NEW_STAFF, and which PINs sign in. */
  newStaff: number;
  oldPinWorks: boolean;
  newPinWorks: boolean;
  /** Receipt jobs still queued once the restarted till has sent what it resumed. */
  queuedJobs: number;
  /** Receipt jobs the till holds as printed: the harness waits for that many at its printer. */
  printedJobs: number;
}

export const NEW_STAFF = 'Crash Test';
export const STAFF_PIN = '5678';
export const STAFF_NEW_PIN = '8765';
export const NEW_SHOP = 'After the crash';
export const NEW_SIGN_KEY = '0123456789ABCDEF';
