// Schema 11 (issue 24): the refunds needing attention by their own partial index, as the attempts have
// had since schema 1. Every screen update asks for them; without it SQLite walked every refund ever
// made (a soak of 50,000 sales: ~1,300 refunds, read several times per sale).
import type { Migration } from './migration.ts';

export const migration0011: Migration = {
  version: 11,
  name: 'refunds-attention',
  sql: `
CREATE INDEX refunds_attention ON refunds (needs_attention) WHERE needs_attention = 1;
`,
};
