// A stand-in Electron for Windows, written where the real electron.exe cannot be fetched, so that
// electron-builder's `--win dir` runs all of its Windows steps here: the fuses (it flips them in
// the wire after Electron's sentinel), the asar integrity resource (app-builder-lib
// electronWin.addWinAsarIntegrity refuses an executable without exactly one VERSIONINFO carrying
// exactly one string-table language) and the version strings. It is a valid, empty x64 PE that
// does nothing: what `package:check` reads back is what electron-builder wrote into it. The PE is
// laid out by resedit, the library electron-builder itself edits it with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromBuilder = createRequire(
  createRequire(import.meta.url).resolve('app-builder-lib/package.json'),
);

interface ResEditLike {
  NtExecutable: {
    createEmpty(
      is32Bit?: boolean,
      isDLL?: boolean,
    ): {
      setExtraData(bin: Uint8Array): void;
      generate(): ArrayBuffer;
    };
  };
  NtExecutableResource: {
    from(exe: unknown): { entries: unknown[]; outputResource(exe: unknown): void };
  };
  Resource: {
    VersionInfo: {
      create(
        lang: number,
        fixedInfo: Record<string, number>,
        strings: Array<{ lang: number; codepage: number; values: Record<string, string> }>,
      ): {
        setFileVersion(version: string, lang: number): void;
        setProductVersion(version: string, lang: number): void;
        outputToResourceEntries(entries: unknown[]): void;
      };
    };
  };
}

/** Electron's fuse sentinel (@electron/fuses), wire version 1, then its 9 fuses in default states. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's build/fuses/fuses.json5, in order (the last, wasm_trap_handlers, since Electron 42). */
export const ELECTRON_45_DEFAULT_FUSES = '101100011';

export function fuseWire(states: string = ELECTRON_45_DEFAULT_FUSES): Uint8Array {
  return Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, states.length]),
    Buffer.from(states),
  ]);
}

/** Writes `electron.exe` and `version` into `dir` (an electronDist for `--win dir`). */
export function writeStandInElectronExe(dir: string, electronVersion: string): string {
  const { NtExecutable, NtExecutableResource, Resource } = requireFromBuilder('resedit') as ResEditLike;
  const exe = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(exe);
  // One language, as Electron's own executable has: US English, Unicode.
  const lang = 0x0409;
  const info = Resource.VersionInfo.create(lang, {}, [
    {
      lang,
      codepage: 1200,
      values: {
        CompanyName: 'GitHub, Inc.',
        FileDescription: 'Electron (stand-in)',
        InternalName: 'electron.exe',
        OriginalFilename: 'electron.exe',
        ProductName: 'Electron',
      },
    },
  ]);
  info.setFileVersion(electronVersion, lang);
  info.setProductVersion(electronVersion, lang);
  info.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  exe.setExtraData(fuseWire());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'electron.exe');
  writeFileSync(path, Buffer.from(exe.generate()));
  writeFileSync(join(dir, 'version'), electronVersion);
  return path;
}
