// The READMEs' command sequences run as written (issue 23 §1): every `inspect …` line of every ```sh
// block, in document order, in one fresh folder holding a copy of data/, exactly as a clerk following
// the page would type them. A line ending in a comment that starts with 需要 / "needs" uses something from
// outside (a relay's file, a TSA) and is skipped; the test says which, so the list cannot grow unnoticed.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, ROOT, tmp } from '../helpers.js';

/** One command line as a shell would split it (quotes kept together), and its trailing comment. */
export function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === '#' && !started && (i === 0 || line[i - 1] === ' ')) {
      return { words, comment: line.slice(i + 1).trim() };
    } else if (c === ' ' || c === '\t') {
      if (started) words.push(cur);
      cur = '';
      started = false;
    } else {
      cur += c;
      started = true;
    }
  }
  if (started) words.push(cur);
  return { words, comment: '' };
}

/** Every `inspect` line of the ```sh blocks, in order. */
function commandLines(markdown: string): { line: string; words: string[]; comment: string }[] {
  const out: { line: string; words: string[]; comment: string }[] = [];
  let inSh = false;
  for (const raw of markdown.split('\n')) {
    const t = raw.trim();
    if (t.startsWith('```')) {
      inSh = !inSh && t === '```sh';
      continue;
    }
    if (inSh && t.startsWith('inspect ')) out.push({ line: t, ...shellWords(t) });
  }
  return out;
}

/**
 * Runs a README's inspect lines in order in a fresh folder holding data/, each expected to exit as its
 * comment says (退出码 N, else 0); lines whose comment matches `needs` are skipped and returned.
 */
async function runAsWritten(readme: string, needs: RegExp, atLeast: number) {
  const dir = tmp();
  cpSync(DATA, join(dir, 'data'), { recursive: true });
  // The practice database the pages start with honours a clock: the year the examples are written for.
  const env = { INSPECT_NOW: '2027-01-05T09:00:00+08:00' };
  const lines = commandLines(readFileSync(join(ROOT, readme), 'utf8'));
  expect(lines.length).toBeGreaterThan(atLeast);
  const skipped: string[] = [];
  for (const l of lines) {
    if (needs.test(l.comment)) {
      skipped.push(l.words.slice(0, 3).join(' '));
      continue;
    }
    const exit = Number(/退出码 (\d+)/.exec(l.comment)?.[1] ?? 0);
    const r = await cli(l.words.slice(1), { cwd: dir, env });
    expect({ line: l.line, code: r.code, stderr: r.code === exit ? '' : r.stderr }).toEqual({
      line: l.line,
      code: exit,
      stderr: '',
    });
  }
  return { dir, env, skipped };
}

describe('README.zh-CN.md runs as written on the sample data', () => {
  it('every inspect line of every sh block, in order, exits as the page says', async () => {
    const { dir, env, skipped } = await runAsWritten('README.zh-CN.md', /^需要/, 30);
    expect(skipped).toEqual([
      'inspect reveal 2027-HLSJ-001',
      'inspect reveal 2027-HLSJ-001',
      'inspect timestamp trust',
      'inspect timestamp add',
      'inspect timestamp fetch',
    ]);
    // What the sequence leaves: the sample results entered, the bundle verified, the chain whole.
    const report = JSON.parse((await cli(['report', '--json'], { cwd: dir, env })).stdout);
    const counts = Object.entries(report.distribution as Record<string, { count: number }>).map(([k, v]) => [
      k,
      v.count,
    ]);
    expect(Object.fromEntries(counts)).toEqual({ '1': 1, E: 1, B: 1 });
    expect((await cli(['audit'], { cwd: dir, env })).code).toBe(0);
  });

  it('README.md runs as written too', async () => {
    const { skipped } = await runAsWritten('README.md', /^needs/, 15);
    expect(skipped).toEqual(['inspect reveal 2027-HLSJ-001']);
  });

  it('the line splitter keeps quotes and drops comments', () => {
    expect(shellWords(`inspect a 'b c' "d # e"  # 需要：x`)).toEqual({
      words: ['inspect', 'a', 'b c', 'd # e'],
      comment: '需要：x',
    });
    expect(shellWords('inspect x#y')).toEqual({ words: ['inspect', 'x#y'], comment: '' });
  });
});
