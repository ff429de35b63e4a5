// The project's import graph read from the source text, for the architecture test: which file imports
// which file or package. Type-only imports count: a circle of types still says the pieces were cut in
// the wrong place.
import fs from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** Path from the project root with forward slashes, e.g. `electron/core/dispatch.ts`. */
  file: string;
  text: string;
  /** Other project files this one imports (project-relative paths). */
  files: string[];
  /** Bare specifiers: packages and Node built-ins (`zod`, `node:fs`, `electron`). */
  packages: string[];
}

const SOURCE = /\.(ts|tsx)$/;
// `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, over several lines.
const SPECIFIERS = [
  /\bfrom\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function walk(root: string, dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, rel, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
}

/** Comments out of the way, so an import named in a comment is not an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function readImportGraph(root: string, dirs: readonly string[]): Map<string, SourceFile> {
  const names: string[] = [];
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(root, dir, names);
  const graph = new Map<string, SourceFile>();
  for (const file of names) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const code = withoutComments(text);
    const files = new Set<string>();
    const packages = new Set<string>();
    for (const pattern of SPECIFIERS) {
      for (const match of code.matchAll(pattern)) {
        const spec = match[1] as string;
        if (spec.startsWith('.'))
          files.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
        else packages.add(spec);
      }
    }
    graph.set(file, { file, text, files: [...files], packages: [...packages] });
  }
  return graph;
}

/** Every circle as its files, one per strongly connected component of more than one file (Tarjan). */
export function findCircles(graph: Map<string, SourceFile>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of graph.get(file)?.files ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        members.push(member);
      } while (member !== file);
      if (members.length > 1) circles.push(members.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return circles;
}
