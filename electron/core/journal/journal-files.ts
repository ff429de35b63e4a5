// Where the journals live in a till's data folder. Live and sandbox keep separate journals: a sandbox
// "payment" must never appear in a live day's report, and start-up recovery must never ask the live
// gateway about a simulator order (or the reverse). Staff accounts live in the live journal's file,
// whichever mode the till runs in, so switching to live keeps the accounts.
export const JOURNAL_FILE = 'journal.sqlite';
export const SANDBOX_JOURNAL_FILE = 'journal-sandbox.sqlite';
