// The shape of the code base, checked: commands run no SQL of their own (the io modules do), every flag
// is declared once in flags.ts (no second declaration in cli.ts, no hand-written *Options interface
// beside it), and option values are parsed in one module.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const files = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`);

describe('architecture', () => {
  it('commands run no SQL: queries live in src/io', () => {
    const sql = files('src/commands').filter((f) => /\.prepare\(|\bdb\.exec\(|\.pragma\(/.test(read(f)));
    expect(sql).toEqual([]);
  });
  it('every flag is declared once, in flags.ts', () => {
    expect(read('src/cli.ts')).not.toMatch(/\.(option|requiredOption)\(/);
    const options = [...files('src/commands'), ...files('src/io'), 'src/cli.ts'].filter((f) =>
      /interface \w+Options\b/.test(read(f)),
    );
    expect(options).toEqual([]);
  });
  it('option values are parsed in one module', () => {
    const parsers = [...files('src/commands'), ...files('src/io')].filter(
      (f) =>
        f !== 'src/commands/optionParsers.ts' &&
        /export function parse(Year|Window|AsOf|Format|Kind|Encoding)\b/.test(read(f)),
    );
    expect(parsers).toEqual([]);
  });
});
