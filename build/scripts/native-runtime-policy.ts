// What the native prebuilds need of the C and C++ runtimes, read from their dynamic symbol versions
// (`objdump -T`), against the deb's Depends: a libstdc++ or glibc older than a prebuild links to
// means the till cannot open its journal. Pure: the objdump output arrives as text.

/** The highest GLIBC_x.y and GLIBCXX_3.4.n a shared object asks for (null when none). */
export function symbolVersionNeeds(objdumpT: string): { glibc: string | null; glibcxx: number | null } {
  let glibc: number[] | null = null;
  let glibcxx: number | null = null;
  for (const m of objdumpT.matchAll(/\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b/g)) {
    const v = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (glibc === null || compare(v, glibc) > 0) glibc = v;
  }
  for (const m of objdumpT.matchAll(/\bGLIBCXX_3\.4\.(\d+)\b/g))
    glibcxx = Math.max(glibcxx ?? 0, Number(m[1]));
  return {
    glibc: glibc === null ? null : glibc.slice(0, glibc[2] ? 3 : 2).join('.'),
    glibcxx,
  };
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * GLIBCXX_3.4.n → the GCC major whose libstdc++ first exports it (GCC's libstdc++ ABI policy
 * table); Debian and Ubuntu version libstdc++6 by that GCC version.
 */
const GCC_OF_GLIBCXX: Readonly<Record<number, number>> = {
  21: 5,
  22: 6,
  23: 7,
  24: 7,
  25: 8,
  26: 9,
  27: 9,
  28: 9,
  29: 11,
  30: 12,
  31: 13,
  32: 13,
  33: 14,
};

/** The `name (>= version)` a Depends list gives `name`, as numbers; null when unversioned or absent. */
function minimum(depends: readonly string[], name: string): number[] | null {
  for (const entry of depends) {
    const m = new RegExp(`(?:^|\\|)\\s*${name.replace(/[+.]/g, '\\$&')}\\s*\\(>=\\s*([\\d.]+)\\)`).exec(
      entry,
    );
    if (m?.[1]) return m[1].split('.').map(Number);
  }
  return null;
}

export function nativeRuntimeProblems(
  objects: ReadonlyArray<{ path: string; objdumpT: string }>,
  depends: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const { path, objdumpT } of objects) {
    const needs = symbolVersionNeeds(objdumpT);
    if (needs.glibc !== null) {
      const have = minimum(depends, 'libc6');
      if (have === null || compare(have, needs.glibc.split('.').map(Number)) < 0)
        problems.push(`${path} needs GLIBC_${needs.glibc}: deb.depends lacks libc6 (>= ${needs.glibc})`);
    }
    if (needs.glibcxx !== null) {
      const gcc = GCC_OF_GLIBCXX[needs.glibcxx];
      if (gcc === undefined && needs.glibcxx > 33)
        problems.push(
          `${path} needs GLIBCXX_3.4.${needs.glibcxx}, newer than GCC_OF_GLIBCXX knows: extend it`,
        );
      else if (gcc !== undefined) {
        const have = minimum(depends, 'libstdc++6');
        if (have === null || compare(have, [gcc]) < 0)
          problems.push(
            `${path} needs GLIBCXX_3.4.${needs.glibcxx}: deb.depends lacks libstdc++6 (>= ${gcc})`,
          );
      }
    }
  }
  return problems;
}
