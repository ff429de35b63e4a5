// The update feed's channel file (latest-linux.yml, latest.yml, beta-linux.yml…) as electron-builder
// writes it: version, files[{url, sha512, size}], the older path/sha512 pair, releaseDate and an
// optional stagingPercentage. Parsed as YAML, then checked with zod: a feed is outside input.
import { load } from 'js-yaml';
import { z } from 'zod';
import { parseVersion } from '../../../shared/updates/version-order.ts';

const sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 is 88 characters of base64');

const feedFileSchema = z.object({
  url: z.string().min(1).max(1000),
  sha512: sha512Base64,
  size: z.number().int().nonnegative().optional(),
});

const feedInfoSchema = z.object({
  version: z.string().refine((v) => parseVersion(v) !== null, 'version is not a semantic version'),
  files: z.array(feedFileSchema).optional(),
  path: z.string().min(1).max(1000).optional(),
  sha512: sha512Base64.optional(),
  releaseDate: z.union([z.string(), z.date()]).optional(),
  stagingPercentage: z.coerce.number().min(0).max(100).optional(),
});

export type FeedFile = z.infer<typeof feedFileSchema>;
export interface FeedInfo {
  version: string;
  files: FeedFile[];
  stagingPercentage?: number;
}

export class FeedError extends Error {}

/** The channel file's text, checked; the old single path/sha512 form becomes a one-entry file list. */
export function parseFeedInfo(text: string, fileName: string): FeedInfo {
  let raw: unknown;
  try {
    raw = load(text, { json: false });
  } catch (err) {
    throw new FeedError(`${fileName} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = feedInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FeedError(
      `${fileName} is not an update feed: ${issue?.path.join('.') || '(top)'} ${issue?.message}`,
    );
  }
  const info = parsed.data;
  const files =
    info.files && info.files.length > 0
      ? info.files
      : info.path && info.sha512
        ? [{ url: info.path, sha512: info.sha512 }]
        : [];
  if (files.length === 0) throw new FeedError(`${fileName} names no installer`);
  return {
    version: info.version,
    files,
    ...(info.stagingPercentage === undefined ? {} : { stagingPercentage: info.stagingPercentage }),
  };
}
