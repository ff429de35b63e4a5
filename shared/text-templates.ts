// English texts made from templates with {name} slots, which the core writes (into the journal, into
// reports) and a renderer reads back into the template's key and values, to word them in the
// operator's language. Text that matches no template stays as it is.

export type TemplateParams = Record<string, string>;

export interface Templates<K extends string> {
  text(key: K, params?: TemplateParams): string;
  /** The key and values a text was made from, or null for text no template made. */
  parse(text: string): { key: K; params: TemplateParams } | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function templates<K extends string>(table: Readonly<Record<K, string>>): Templates<K> {
  const keys = Object.keys(table) as K[];
  // Each template as an anchored pattern: literal text, and one capture per {name}.
  const patterns = keys.map((key) => {
    const names: string[] = [];
    const source = table[key]
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escapeRegExp(part);
        names.push(name);
        return '([\\s\\S]+?)';
      })
      .join('');
    return { key, names, pattern: new RegExp(`^${source}$`) };
  });
  return {
    text: (key, params = {}) =>
      table[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole),
    parse: (text) => {
      for (const { key, names, pattern } of patterns) {
        const m = pattern.exec(text);
        if (!m) continue;
        const params: TemplateParams = {};
        names.forEach((name, i) => {
          params[name] = m[i + 1] ?? '';
        });
        return { key, params };
      }
      return null;
    },
  };
}
