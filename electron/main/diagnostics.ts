// "Copy diagnostics" for support: versions, settings without secrets, recent log lines. Every line
// passes the redactor once more, so nothing secret survives even if a source forgot.
import type { PublicSettings } from '../../shared/domain.ts';
import { redactText } from '../core/logging/redact.ts';

export interface DiagnosticsInput {
  appVersion: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  platform: string;
  arch: string;
  packaged: boolean;
  /** Report time, epoch ms. */
  at: number;
  settings: PublicSettings | null;
  secureStorage: string;
  /** What the core reports (diagnostics.get), if it answered. */
  coreText: string | null;
  logLines: readonly string[];
}

export function diagnosticsText(input: DiagnosticsInput): string {
  const lines = [
    `OTTPay Till ${input.appVersion} — diagnostics ${new Date(input.at).toISOString()}`,
    `electron ${input.versions.electron ?? '?'}, chrome ${input.versions.chrome ?? '?'}, node ${input.versions.node ?? '?'}`,
    `platform ${input.platform} ${input.arch}, ${input.packaged ? 'packaged' : 'development'} build`,
    `secure storage: ${input.secureStorage}`,
    '',
    '## Settings (secrets are only reported as set or not)',
    input.settings ? JSON.stringify(input.settings, null, 2) : '(not available)',
    '',
    '## Core',
    input.coreText ?? '(not available)',
    '',
    `## Recent log lines (${input.logLines.length})`,
    ...input.logLines,
  ];
  return lines.map(redactText).join('\n');
}
