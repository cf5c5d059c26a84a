// The shape of the code base, checked: commands run no SQL of their own (the io modules do), every flag
// is declared once in cli/flags.ts (no second declaration in cli/main.ts, no hand-written *Options
// interface beside it), option values are parsed in one module, the layers import only what they may,
// commands sit in the folders of the CLI's nouns, and no import cycle exists.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
/** Every .ts file under dir, in sub-folders too (a walk that did not recurse would check nothing). */
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
  );

/** A file's project imports (static, dynamic and type-only), as paths from the root. */
function importsOf(file: string): string[] {
  const text = read(file);
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/gms),
    ...text.matchAll(/import\('(\.[^']+)'\)/g),
  ].map((m) => m[1]!);
  return specs.map((s) => join(dirname(file), s.replace(/\.js$/, '.ts')));
}
const layerOf = (f: string) => f.split('/')[1]!;
const graph = new Map(files('src').map((f) => [f, importsOf(f)]));

describe('architecture', () => {
  it('commands run no SQL: queries live in src/io', () => {
    const sql = files('src/commands').filter((f) => /\.prepare\(|\bdb\.exec\(|\.pragma\(/.test(read(f)));
    expect(sql).toEqual([]);
  });
  it('every flag is declared once, in cli/flags.ts', () => {
    expect(read('src/cli/main.ts')).not.toMatch(/\.(option|requiredOption)\(/);
    const options = [...files('src/commands'), ...files('src/io'), 'src/cli/main.ts'].filter((f) =>
      /interface \w+Options\b/.test(read(f)),
    );
    expect(options).toEqual([]);
  });
  it('option values are parsed in one module', () => {
    const parsers = [...files('src/commands'), ...files('src/io')].filter(
      (f) =>
        f !== 'src/cli/optionParsers.ts' &&
        /export function parse(Year|Window|AsOf|Format|Kind|Encoding)\b/.test(read(f)),
    );
    expect(parsers).toEqual([]);
  });
  it('core imports only core', () => {
    const bad = [...graph].flatMap(([f, ds]) =>
      layerOf(f) === 'core' ? ds.filter((d) => layerOf(d) !== 'core').map((d) => `${f} → ${d}`) : [],
    );
    expect(bad).toEqual([]);
  });
  it('io never imports commands or the CLI wiring (src/cli)', () => {
    const bad = [...graph].flatMap(([f, ds]) =>
      layerOf(f) === 'io' ? ds.filter((d) => ['commands', 'cli'].includes(layerOf(d))).map((d) => `${f} → ${d}`) : [],
    );
    expect(bad).toEqual([]);
  });
  it('commands sit in the folders of the CLI nouns, none loose', () => {
    const loose = readdirSync(join(ROOT, 'src/commands'), { withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => e.name);
    expect(loose).toEqual([]);
    expect(
      readdirSync(join(ROOT, 'src/commands'))
        .filter((d) => !['draw', 'export', 'import', 'views', 'admin'].includes(d))
        .sort(),
    ).toEqual([]);
  });
  it('the verifier page imports only core and its own files', () => {
    const bad = [...graph].flatMap(([f, ds]) =>
      layerOf(f) === 'browser'
        ? ds.filter((d) => !['core', 'browser'].includes(layerOf(d))).map((d) => `${f} → ${d}`)
        : [],
    );
    expect(bad).toEqual([]);
  });
  it('no import cycles anywhere (type-only imports included)', () => {
    // Tarjan's strongly connected components: a component of more than one file is a cycle.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const cycles: string[][] = [];
    let n = 0;
    const visit = (v: string) => {
      index.set(v, n);
      low.set(v, n++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const c: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          c.push(w);
        } while (w !== v);
        if (c.length > 1) cycles.push(c.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });
});
