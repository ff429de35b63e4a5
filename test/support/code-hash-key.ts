// The wallet-code hash key engines under test use (the till keeps its own in the secret store). Fixed, so
// an engine restarted on the same journal recognises the codes already used.
export const TEST_CODE_HASH_KEY: Buffer = Buffer.alloc(32, 0x5a);
