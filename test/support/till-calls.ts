// A till core on a fresh data folder with the command helpers the staff attack tests share: call,
// value (asserts ok) and reasonOf (the refusal's reason, or 'ok').
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTillCore, type TillCore, type TillCoreOptions } from '../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../electron/core/config/secret-store.ts';
import { dispatch } from '../../electron/core/dispatch.ts';
import type { CommandName } from '../../shared/contract.ts';

export interface TillUnderTest {
  core: TillCore;
  dir: string;
  call(name: CommandName, payload: unknown): ReturnType<typeof dispatch>;
  value<T>(name: CommandName, payload: unknown): Promise<T>;
  /** The refusal's reason (or code when it has none); 'ok' when the command was answered. */
  reasonOf(name: CommandName, payload: unknown): Promise<string>;
  close(): Promise<void>;
}

export async function startTill(
  prefix: string,
  opts: Partial<Omit<TillCoreOptions, 'dataDir'>> = {},
): Promise<TillUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const till = await openTill(dir, opts);
  return {
    ...till,
    async close() {
      await till.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A till core on an existing data folder; close() leaves the folder. */
export async function openTill(
  dir: string,
  opts: Partial<Omit<TillCoreOptions, 'dataDir'>> = {},
): Promise<TillUnderTest> {
  const core = await createTillCore({ secrets: createMemorySecretStore(), ...opts, dataDir: dir });
  const call = (name: CommandName, payload: unknown) => dispatch(core, 'till', name, payload);
  return {
    core,
    dir,
    call,
    async value<T>(name: CommandName, payload: unknown): Promise<T> {
      const r = await call(name, payload);
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
      return r.value as T;
    },
    async reasonOf(name, payload) {
      const r = await call(name, payload);
      return r.ok ? 'ok' : (r.error.reason ?? r.error.code);
    },
    close: () => core.close(),
  };
}
