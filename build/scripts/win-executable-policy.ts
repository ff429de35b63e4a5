// What electron-builder must have written into the packed Windows executable, read back with resedit
// (the library electron-builder edits it with): the asar integrity resource Electron checks app.asar's
// header against at start (with the EnableEmbeddedAsarIntegrityValidation fuse on), the till's
// version strings, and its icon. Returns problems as text; an empty list passes.
import { createRequire } from 'node:module';

const requireFromBuilder = createRequire(
  createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
);

interface Entry {
  type: number | string;
  id: number | string;
  bin: ArrayBuffer;
}
interface ResEdit {
  NtExecutable: { from(bin: Uint8Array): unknown };
  NtExecutableResource: { from(exe: unknown): { entries: Entry[] } };
  Resource: {
    VersionInfo: {
      fromEntries(entries: Entry[]): Array<{
        getAllLanguagesForStringValues(): Array<{ lang: number; codepage: number }>;
        getStringValues(lang: { lang: number; codepage: number }): Record<string, string>;
      }>;
    };
  };
}

const RT_GROUP_ICON = 14;

export function winExecutableProblems(executable: Uint8Array, asarHeaderSha256: string): string[] {
  const { NtExecutable, NtExecutableResource, Resource } = requireFromBuilder('resedit') as ResEdit;
  const entries = NtExecutableResource.from(NtExecutable.from(executable)).entries;
  const problems: string[] = [];

  const integrity = entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
  if (!integrity) problems.push('no INTEGRITY/ELECTRONASAR resource in the packed executable');
  else {
    const list = JSON.parse(Buffer.from(integrity.bin).toString('utf8')) as Array<{
      file: string;
      alg: string;
      value: string;
    }>;
    const asar = list.find((i) => i.file === 'resources\\app.asar');
    if (!asar) problems.push('the asar integrity resource does not name resources\\app.asar');
    else if (asar.alg !== 'SHA256' || asar.value !== asarHeaderSha256)
      problems.push("the asar integrity resource does not hold the SHA-256 of app.asar's header");
  }

  const versions = Resource.VersionInfo.fromEntries(entries);
  const info = versions[0];
  const languages = info?.getAllLanguagesForStringValues() ?? [];
  const [language] = languages;
  if (versions.length !== 1 || languages.length !== 1 || !info || !language)
    problems.push('the packed executable has not exactly one VERSIONINFO with one language');
  else if (info.getStringValues(language).ProductName !== 'OTTPay Till')
    problems.push('the packed executable is not named OTTPay Till in its version strings');

  if (!entries.some((e) => e.type === RT_GROUP_ICON)) problems.push('the packed executable has no icon');
  return problems;
}
