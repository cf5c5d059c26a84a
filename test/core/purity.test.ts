// The functional core stays pure: no file system, database, process, console or clock in src/core.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const dir = join(ROOT, 'src/core');
const FORBIDDEN = new RegExp(
  [
    /from ['"](node:)?(fs|fs\/promises|child_process|better-sqlite3|readline|os)['"]/.source,
    /process\.(exit|stdout|stderr|env|argv)|console\.|Date\.now\(|new Date\(\)|Math\.random/.source,
  ].join('|'),
);

describe('src/core purity', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    it(f, () => {
      const hits = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => FORBIDDEN.test(l));
      expect(hits).toEqual([]);
    });
  }
  it('no Math.random anywhere in src', () => {
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
      );
    const hits = walk(join(ROOT, 'src')).filter((f) => readFileSync(f, 'utf8').includes('Math.random'));
    expect(hits).toEqual([]);
  });
});
