// The JSON contracts: every --json output (and every JSON export) has the shape docs/json.md documents,
// in every language. The examples in docs/json.md are the contract; this test runs each command and
// compares shapes both ways (a key added or removed is a contract change: bump schemaVersion and the
// doc). UPDATE_JSON_DOC=1 rewrites the examples from a real run.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, practiceDb, ROOT, tmp } from '../helpers.js';

const DOC = join(ROOT, 'docs/json.md');
const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';
const W = ['--window', '2026-11-23..2026-12-31'];
let dir: string;
let db: string;

interface Case {
  command: string;
  what: string;
  /** Another database than the shared one (a tampered copy). */
  db?: () => string;
  code?: number;
  args: () => string[];
  env?: Record<string, string>;
}

const CASES: Case[] = [
  {
    command: 'inspect import KIND FILE --json',
    what: 'what an import read, wrote and rejected',
    args: () => ['import', 'departments', join(DATA, 'departments.csv'), '--json'],
  },
  { command: 'inspect status --json', what: 'what is loaded', args: () => ['status', '--json'] },
  { command: 'inspect items --json', what: 'the inspection items', args: () => ['items', '--json'] },
  {
    command: 'inspect draw … --dry-run --json',
    what: 'the plan: scope, exclusions, per-stratum N and n; never an object',
    args: () => ['draw', '--items', 'SC01', '--year', '2026', ...W, '--dry-run', '--json'],
  },
  {
    command: 'inspect draw … --seed TEXT --yes --json',
    what: 'a recorded draw',
    args: () => ['draw', '--items', 'SC01', '--year', '2026', ...W, '--seed', 'json', '--yes', '--json'],
  },
  {
    command: 'inspect draw … --commit --beacon SPEC --yes --json',
    what: 'a recorded commitment',
    args: () => [
      'draw',
      '--items',
      'SC04',
      '--year',
      '2026',
      ...W,
      '--commit',
      '--beacon',
      'drand:657413',
      '--yes',
      '--json',
    ],
    env: { INSPECT_NOW: '2023-09-15T18:40:00+08:00' },
  },
  {
    command: 'inspect reveal ID --value V --json',
    what: 'a revealed commitment: the draw recorded',
    args: () => ['reveal', '2026-HLSJ-002', '--value', SIG, '--json'],
    env: { INSPECT_NOW: '2023-09-15T19:05:00+08:00' },
  },
  { command: 'inspect draws --json', what: 'every draw and commitment', args: () => ['draws', '--json'] },
  {
    command: 'inspect show ID --json',
    what: 'one draw with its selected objects and teams',
    args: () => ['show', '2026-HLSJ-001', '--json'],
  },
  {
    command: 'inspect verify ID|DIR --json',
    what: 'every check of a draw (here a committed one)',
    args: () => ['verify', '2026-HLSJ-002', '--json'],
  },
  {
    command: 'inspect results import FILE --json',
    what: 'results entered',
    args: () => ['results', 'import', join(dir, 'results.csv'), '--json'],
    env: { INSPECT_NOW: '2026-11-26T10:00:00+08:00' },
  },
  {
    command: 'inspect report --json',
    what: 'the year: draws, deadlines, coverage, items, results, commitments',
    args: () => ['report', '--as-of', '2026-11-26', '--json'],
  },
  {
    command: 'inspect export tasks ID --format json',
    what: 'the task list for programs (codes, ids, numbers)',
    args: () => ['export', 'tasks', '2026-HLSJ-001', '--format', 'json'],
  },
  {
    command: 'inspect export publication ID --kind task --format json',
    what: 'the task notice (a preview on stdout)',
    args: () => ['export', 'publication', '2026-HLSJ-001', '--kind', 'task', '--format', 'json'],
  },
  {
    command: 'inspect export publication ID --kind result --format json',
    what: 'the result notice (a preview on stdout)',
    args: () => ['export', 'publication', '2026-HLSJ-001', '--kind', 'result', '--format', 'json'],
  },
  {
    command: 'inspect export publication ID --kind commitment --format json',
    what: 'the commitment notice',
    args: () => [
      'export',
      'publication',
      '2026-HLSJ-002',
      '--kind',
      'commitment',
      '--format',
      'json',
      '--out',
      join(dir, 'c.json'),
    ],
  },
  {
    command: 'inspect export publication --kind result --pending --json',
    what: "the daily job's notice of every pending result",
    args: () => ['export', 'publication', '--kind', 'result', '--pending', '--json', '--out', join(dir, 'pending.csv')],
    env: { INSPECT_NOW: '2026-11-27T07:30:00+08:00' },
  },
  {
    command: 'inspect export bundle ID --out DIR --json',
    what: 'the bundle written',
    args: () => ['export', 'bundle', '2026-HLSJ-002', '--out', join(dir, 'bundle'), '--json'],
  },
  {
    command: 'inspect export verifier --out FILE --json',
    what: 'the verifier page written, with its SHA-256',
    args: () => ['export', 'verifier', '--out', join(dir, 'verify.html'), '--json'],
  },
  {
    command: 'inspect simulate … --json',
    what: 'observed inclusion rates beside n/N',
    args: () => ['simulate', '--items', 'SC01', '--year', '2026', '--runs', '20', '--json'],
  },
  { command: 'inspect log --json', what: 'the hash-chained log', args: () => ['log', '--json'] },
  { command: 'inspect audit --json', what: 'the audit, section by section', args: () => ['audit', '--json'] },
  {
    command: 'inspect audit --json (problems found)',
    what: "a failing audit (exit 65): each problem has a stable code and a sentence in the user's language",
    args: () => ['audit', '--json'],
    db: () => tamperedCopy(),
    code: 65,
  },
  {
    command: 'inspect audit --head --json',
    what: 'the chain head to read out',
    args: () => ['audit', '--head', '--json'],
  },
  {
    command: 'inspect backup --out FILE --json',
    what: 'the backup written',
    args: () => ['backup', '--out', join(dir, 'backup.db'), '--json'],
  },
  {
    command: 'inspect export tasks ID --json --out FILE',
    what: 'the task list written to a file in its own format (here CSV), and what was written',
    args: () => ['export', 'tasks', '2026-HLSJ-001', '--json', '--out', join(dir, 'tasks.csv')],
  },
  {
    command: 'inspect export publication ID --kind task --json --out FILE',
    what: 'a notice published to a file, and what was written',
    args: () => ['export', 'publication', '2026-HLSJ-001', '--kind', 'task', '--json', '--out', join(dir, 'task.csv')],
  },
  {
    command: 'inspect --version --json',
    what: 'the version (the one every draw record carries)',
    args: () => ['--version', '--json'],
  },
  {
    command: 'inspect demo --json',
    what: 'where the demo left its database and bundle, and the command to go on with',
    args: () => ['demo', '--keep', join(dir, 'demo'), '--json'],
  },
  {
    command: 'inspect COMMAND --json (an error)',
    what:
      'any command that fails (here a missing database, exit 66): one document on stdout with the message key ' +
      "as `code`, the exit code and the message in the user's language (also on stderr)",
    args: () => ['status', '--json'],
    db: () => join(dir, 'missing.db'),
    code: 66,
  },
];

/** Keys whose objects are maps with data-dependent keys (strata, result codes, reasons): shown as "*". */
const MAPS = new Set([
  'N',
  'base',
  'extra',
  'n',
  'ratiosBp',
  'distribution',
  'excluded',
  'excludedByReason',
  'coveredBy',
  'byStratum',
  'byGradeRisk',
  'byStatus',
  'byType',
  'byKind',
  'byDepartment',
]);

/** An example from a real output: arrays cut to their fullest element, maps to one "*" entry. */
function example(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) {
    if (!v.length) return [];
    // The element that shows the most (a section with problems rather than an empty one).
    const fullest = v.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
    return [example(fullest)];
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (MAPS.has(key) && entries.length) return { '*': example(entries[0]![1]) };
    return Object.fromEntries(entries.map(([k, x]) => [k, example(x, k)]));
  }
  return v;
}

/** The first way `actual` does not have the documented shape, or null. null in the doc: nullable, any type. */
function mismatch(doc: unknown, actual: unknown, path = '$'): string | null {
  if (doc === null || actual === null) return null;
  if (Array.isArray(doc)) {
    if (!Array.isArray(actual)) return `${path}: expected an array`;
    if (doc.length === 0) return null;
    for (const [i, a] of actual.slice(0, 3).entries()) {
      const m = mismatch(doc[0], a, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (typeof doc === 'object') {
    if (typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object`;
    const d = doc as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    if ('*' in d) {
      for (const [k, x] of Object.entries(a)) {
        const m = mismatch(d['*'], x, `${path}.${k}`);
        if (m) return m;
      }
      return null;
    }
    for (const k of Object.keys(d)) if (!(k in a)) return `${path}.${k}: documented, missing`;
    for (const k of Object.keys(a)) if (!(k in d)) return `${path}.${k}: not documented`;
    for (const k of Object.keys(d)) {
      const m = mismatch(d[k], a[k], `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return typeof doc === typeof actual ? null : `${path}: expected ${typeof doc}, found ${typeof actual}`;
}

/** The documented examples: a "## `command`" heading, a line saying what it is, then a json block. */
function documented(): Map<string, unknown> {
  const text = readFileSync(DOC, 'utf8');
  const out = new Map<string, unknown>();
  for (const m of text.matchAll(/^## `([^`]+)`\n[\s\S]*?```json\n([\s\S]*?)\n```/gm)) out.set(m[1]!, JSON.parse(m[2]!));
  return out;
}

const outputs = new Map<string, unknown>();

/** A copy of the shared database with one selected object swapped behind the tool's back. */
function tamperedCopy(): string {
  const copy = join(dir, 'tampered.db');
  copyFileSync(db, copy);
  const d = new Database(copy);
  d.exec('DROP TRIGGER IF EXISTS draw_selections_no_update');
  d.prepare("UPDATE draw_selections SET ticket = ticket || '0' WHERE draw_id = '2026-HLSJ-001' AND position = 1").run();
  d.close();
  return copy;
}

beforeAll(async () => {
  dir = tmp();
  db = await practiceDb(join(dir, 'inspect.db'));
  for (const k of ['departments', 'items', 'objects', 'inspectors', 'history'])
    expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'])).code).toBe(0);
  for (const c of CASES) {
    if (c.command.startsWith('inspect results import')) {
      const d = new Database(db, { readonly: true });
      const ids = d
        .prepare("SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-001' ORDER BY position LIMIT 2")
        .pluck()
        .all() as string[];
      d.close();
      writeFileSync(
        join(dir, 'results.csv'),
        `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${ids[0]},2026-11-24,1\n2026-HLSJ-001,${ids[1]},2026-11-25,6\n`,
      );
    }
    const r = await cli([...c.args(), '--db', c.db ? c.db() : db], { env: { ...(c.env ?? {}) } });
    if (r.code !== (c.code ?? 0)) throw new Error(`${c.command}: exit ${r.code}\n${r.stderr}`);
    const text =
      c.args().includes('--out') && c.command.includes('--kind commitment')
        ? readFileSync(join(dir, 'c.json'), 'utf8')
        : r.stdout;
    outputs.set(c.command, JSON.parse(text));
  }
  if (process.env.UPDATE_JSON_DOC) {
    const head = readFileSync(DOC, 'utf8').split('\n## `')[0]!.trimEnd();
    // Paths of this run's temporary folder and checkout are shown as a deployment would have them.
    const json = (v: unknown) =>
      JSON.stringify(example(v), null, 2).replaceAll(dir, '/srv/inspect').replaceAll(ROOT, '/opt/inspect');
    const body = CASES.map(
      (c) =>
        `## \`${c.command}\`\n\n${c.what[0]!.toUpperCase()}${c.what.slice(1)}.\n\n` +
        `\`\`\`json\n${json(outputs.get(c.command))}\n\`\`\``,
    );
    writeFileSync(DOC, `${head}\n\n${body.join('\n\n')}\n`);
  }
}, 300_000);

describe('JSON contracts (docs/json.md)', () => {
  it('every command of the doc is tested, and every tested command is in the doc', () => {
    expect([...documented().keys()].sort()).toEqual(CASES.map((c) => c.command).sort());
  });
  for (const c of CASES) {
    it(`${c.command} has the documented shape and a schemaVersion`, () => {
      const doc = documented().get(c.command);
      const actual = outputs.get(c.command) as Record<string, unknown>;
      expect(actual.schemaVersion).toBe(1);
      expect(mismatch(doc, actual)).toBeNull();
    });
  }
  it('the shape does not depend on the language', async () => {
    const zh = JSON.parse((await cli(['draws', '--json', '--db', db, '--lang', 'zh'])).stdout);
    const en = JSON.parse((await cli(['draws', '--json', '--db', db, '--lang', 'en'])).stdout);
    expect(en).toEqual(zh);
  });
});
