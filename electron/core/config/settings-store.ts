// settings.json in the data folder. Loaded once, validated with zod; a file that does not parse or
// validate is never overwritten: it is kept aside as settings.json.bad-<time> and the till starts from
// defaults, with a message naming the bad field.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsPatch } from '../../../shared/contract.ts';
import { durablePoint } from '../durable-points.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { defaultSettings, type StoredSettings } from './defaults.ts';
import { storedSettingsSchema } from './settings-schema.ts';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): StoredSettings;
  /** Applies a validated patch, writes the file atomically, returns the new settings. */
  update(patch: SettingsPatch): StoredSettings;
  /** Why the file on disk was not used at start-up (null when it was fine or absent). */
  readonly loadIssue: string | null;
  readonly path: string;
}

export type SettingsLoad = { settings: StoredSettings; issue: string | null };

/** Reads and validates; on failure moves the file aside (never deletes it) and returns defaults. */
export function loadSettingsFile(path: string, now: number): SettingsLoad {
  if (!existsSync(path)) return { settings: defaultSettings(), issue: null };
  const problem = validateText(readFileSync(path, 'utf8'));
  if (problem.ok) return { settings: problem.settings, issue: null };
  const aside = `${path}.bad-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  return {
    settings: defaultSettings(),
    issue: `settings file was not used (${problem.message}); it was kept as ${aside.split(/[\\/]/).pop()} and defaults were loaded`,
  };
}

function validateText(text: string): { ok: true; settings: StoredSettings } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  // Fields added in a later version fall back to their defaults; unknown fields are an error.
  const merged = isPlainObject(raw) ? { ...defaultSettings(), ...raw } : raw;
  const parsed = storedSettingsSchema.safeParse(merged);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const first = parsed.error.issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : '(file)';
  return { ok: false, message: `field ${field}: ${first?.message ?? 'invalid'}` };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function writeSettingsFile(path: string, settings: StoredSettings): void {
  writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`, {
    mode: 0o600,
    reached: (step) => durablePoint(`settings.${step}`),
  });
}

export function createSettingsStore(dataDir: string, now: () => number): SettingsStore {
  const path = join(dataDir, SETTINGS_FILE);
  const loaded = loadSettingsFile(path, now());
  let current = loaded.settings;
  return {
    path,
    loadIssue: loaded.issue,
    get: () => structuredClone(current),
    update(patch) {
      const next = storedSettingsSchema.parse({ ...current, ...patch });
      writeSettingsFile(path, next);
      current = next;
      return structuredClone(current);
    },
  };
}
