// The auditor's page (verify.html) in a real browser: untouched plain and committed bundles pass; every
// tampering `inspect verify` catches fails in the page with the same part named and the same first
// difference; nothing is fetched. Screenshots of a passing and a failing page go to docs/ for the README.
// Without Chromium these tests are skipped with one line saying how to run them.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, practiceDb, ROOT, testContext, tmp } from '../helpers.js';
import { verifyTarget } from '../../src/commands/views/verify.js';
import { InspectError } from '../../src/core/errors.js';
import { CHROMIUM, hasChromium, launch } from './launch.js';
import { makeTsa } from '../tsa.js';

if (!hasChromium)
  console.log(
    `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, then npm run test:browser)`,
  );

const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';
const JSON_FILES = ['frame.json', 'inspectors.json', 'record.json', 'commitment.json', 'beacons.json'];
/** Every file the page is given: the JSON files and, for the committed draw, its RFC 3161 token and roots. */
const FILES = [...JSON_FILES, 'commitment.tsr', 'tsa-roots.pem'];
type Row = { name: string; ok: boolean; detail: string };

/**
 * Where a README screenshot goes: docs/ only when asked (INSPECT_SCREENSHOTS=1, on a machine with CJK
 * fonts), else nowhere — a plain test run must not rewrite the README's pictures.
 */
const shot = (name: string) => (process.env.INSPECT_SCREENSHOTS === '1' ? join(ROOT, 'docs', name) : undefined);

let browser: Browser;
let plain: string;
let committed: string;

beforeAll(async () => {
  if (!hasChromium) return;
  const dir = tmp();
  // The plain draw on a real database; the committed one on a practice database, whose clock the test sets.
  const real = join(dir, 'real.db');
  const db = await practiceDb(join(dir, 'inspect.db'));
  for (const d of [real, db])
    for (const k of ['departments', 'items', 'objects', 'inspectors', 'history'])
      expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', d, '-q'])).code).toBe(0);
  expect(
    (
      await cli([
        'draw',
        '--items',
        'SC01',
        '--year',
        '2026',
        '--window',
        '2026-11-23..2026-12-31',
        '--seed',
        '湖里区2026年第一批',
        '--yes',
        '--db',
        real,
        '-q',
      ])
    ).code,
  ).toBe(0);
  const at = (iso: string) => ({ env: { INSPECT_NOW: iso } });
  expect(
    (
      await cli(
        [
          'draw',
          '--items',
          'SC04',
          '--year',
          '2026',
          '--window',
          '2026-11-23..2026-12-31',
          '--commit',
          '--beacon',
          'drand:657413',
          '--beacon',
          'ssq:2023108@2023-09-17',
          '--yes',
          '--db',
          db,
          '-q',
        ],
        at('2023-09-15T18:40:00+08:00'),
      )
    ).code,
  ).toBe(0);
  // The committed draw is time-stamped before its round by a test TSA (RFC 3161), its root trusted.
  const tsa = await makeTsa({ alg: 'EC' });
  writeFileSync(join(dir, 'root.pem'), tsa.rootPem);
  expect(
    (await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db, '-q'], at('2023-09-15T18:41:00+08:00')))
      .code,
  ).toBe(0);
  expect(
    (
      await cli(
        ['timestamp', 'request', '2026-HLSJ-001', '--out', join(dir, 'c.tsq'), '--db', db, '-q'],
        at('2023-09-15T18:41:00+08:00'),
      )
    ).code,
  ).toBe(0);
  writeFileSync(
    join(dir, 'c.tsr'),
    await tsa.respond(readFileSync(join(dir, 'c.tsq')), new Date('2023-09-15T10:42:00Z')),
  );
  expect(
    (await cli(['timestamp', 'add', join(dir, 'c.tsr'), '--db', db, '-q'], at('2023-09-15T18:42:00+08:00'))).code,
  ).toBe(0);
  expect(
    (
      await cli(
        ['reveal', '2026-HLSJ-001', '--value', SIG, '--value', '03 09 14 22 27 31 + 07', '--db', db, '-q'],
        at('2023-09-17T22:00:00+08:00'),
      )
    ).code,
  ).toBe(0);
  plain = join(dir, 'plain');
  committed = join(dir, 'committed');
  expect((await cli(['export', 'bundle', '2026-HLSJ-001', '--out', plain, '--db', real])).code).toBe(0);
  expect((await cli(['export', 'bundle', '2026-HLSJ-001', '--out', committed, '--db', db])).code).toBe(0);
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens the bundle's own verify.html from file://, chooses its files, and reads the verdict and rows. */
async function inPage(
  dir: string,
  screenshot?: string,
  open?: Page,
): Promise<{ verdict: string; rows: Row[]; requests: string[] }> {
  // A page already open is given new files, as a user choosing the next bundle would (it verifies again).
  const page = open ?? (await browser.newPage());
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  try {
    if (open) await page.evaluate(() => delete document.body.dataset.verdict);
    else await page.goto(`file://${join(dir, 'verify.html')}`);
    const present = FILES.filter((f) => {
      try {
        readFileSync(join(dir, f));
        return true;
      } catch {
        return false;
      }
    });
    await page.setInputFiles(
      '#files',
      present.map((f) => join(dir, f)),
    );
    await page.waitForSelector('body[data-verdict]', { timeout: 60_000 });
    const verdict = (await page.evaluate(() => document.body.dataset.verdict))!;
    const rows = await page.$$eval('tr[data-check]', (trs) =>
      trs.map((tr) => ({
        name: (tr as HTMLElement).dataset.check!,
        ok: (tr as HTMLElement).dataset.ok === 'true',
        detail: tr.querySelector('td.detail')!.textContent!,
      })),
    );
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { verdict, rows, requests };
  } finally {
    if (!open) await page.close();
  }
}

/** `inspect verify DIR --json` in the same language as the page's default. */
async function inCli(dir: string): Promise<{ code: number | null; rows: Row[] }> {
  const r = await cli(['verify', dir, '--json', '--lang', 'zh']);
  return { code: r.code, rows: r.stdout.trim() ? (JSON.parse(r.stdout).checks as Row[]) : [] };
}

function tampered(from: string, edit: (dir: string) => void): string {
  const dir = tmp();
  cpSync(from, dir, { recursive: true });
  edit(dir);
  return dir;
}
const editJson = (file: string, change: (v: Record<string, unknown>) => void) => (dir: string) => {
  const v = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  change(v);
  writeFileSync(join(dir, file), JSON.stringify(v));
};
const editText = (file: string, from: string | RegExp, to: string) => (dir: string) => {
  const s = readFileSync(join(dir, file), 'utf8');
  const next = s.replace(from, to);
  if (next === s) throw new Error(`nothing to change in ${file}`);
  writeFileSync(join(dir, file), next);
};

describe.skipIf(!hasChromium)('verify.html in Chromium', () => {
  it(
    'an untouched plain bundle and an untouched committed bundle pass, with every check the CLI makes; nothing is f' +
      'etched',
    async () => {
      for (const [dir, picture] of [
        [plain, shot('verifier-pass.png')],
        [committed, undefined],
      ] as const) {
        const page = await inPage(dir, picture);
        const c = await inCli(dir);
        expect(c.code).toBe(0);
        expect(page.verdict).toBe('pass');
        expect(page.requests).toEqual([]);
        // The same checks with the same details, after the page's own "files" row.
        expect(page.rows.slice(1)).toEqual(c.rows);
      }
    },
  );

  it('a practice bundle says 演练数据 first, in the colour of a warning, and still checks everything', async () => {
    const page = await browser.newPage();
    try {
      for (const [dir, practice] of [
        [committed, true],
        [plain, false],
      ] as const) {
        await page.goto(`file://${join(dir, 'verify.html')}`);
        await page.setInputFiles(
          '#files',
          FILES.filter((f) => {
            try {
              readFileSync(join(dir, f));
              return true;
            } catch {
              return false;
            }
          }).map((f) => join(dir, f)),
        );
        await page.waitForSelector('body[data-verdict]', { timeout: 60_000 });
        const banner = await page.$('#results > p#practice:first-child');
        expect(Boolean(banner)).toBe(practice);
        if (banner) {
          expect(await banner.textContent()).toContain('演练数据');
          expect(await banner.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 244, 206)');
        }
        expect(await page.evaluate(() => document.body.dataset.verdict)).toBe('pass');
      }
    } finally {
      await page.close();
    }
  });

  const cases: [string, () => string][] = [
    [
      'a changed selected id',
      () =>
        tampered(
          plain,
          editJson('record.json', (r) => {
            const frame = JSON.parse(readFileSync(join(plain, 'frame.json'), 'utf8')) as { frame: [string, string][] };
            const sel = r.selected as { id: string }[];
            sel[2]!.id = frame.frame.find(([id]) => !sel.some((s) => s.id === id))![0];
          }),
        ),
    ],
    [
      'a changed ticket',
      () =>
        tampered(
          plain,
          editJson('record.json', (r) => {
            (r.selected as { ticket: string }[])[5]!.ticket = '0.123';
          }),
        ),
    ],
    ['a removed frame row', () => tampered(plain, editText('frame.json', /\["[0-9A-Z]{18}","[A-D]\|[LMH]"\],/, ''))],
    [
      'a changed seed',
      () =>
        tampered(
          plain,
          editJson('record.json', (r) => {
            r.seed = '湖里区2026年第二批';
          }),
        ),
    ],
    [
      'a changed commitment time',
      () =>
        tampered(
          committed,
          editText(
            'commitment.json',
            '"committedAt":"2023-09-15T18:40:00+08:00"',
            '"committedAt":"2023-09-15T19:10:00+08:00"',
          ),
        ),
    ],
    ['a damaged signature', () => tampered(committed, editText('beacons.json', SIG, `${SIG.slice(0, 95)}0`))],
    // The committed inspectors.json read a piece at a time (canonical) and parsed whole (not): the same
    // verdicts and first differences either way, in the page as in the CLI.
    [
      'a frame object left out of the committed inspectors.json',
      () =>
        tampered(
          committed,
          editJson('inspectors.json', (v) => {
            (v.objects as unknown[]).splice(3, 1);
          }),
        ),
    ],
    [
      'a changed region in the committed inspectors.json',
      () =>
        tampered(
          committed,
          editJson('inspectors.json', (v) => {
            (v.objects as [string, string, string[]][])[0]![1] = '350299';
          }),
        ),
    ],
    [
      'a pretty-printed committed inspectors.json',
      () =>
        tampered(committed, (d) =>
          writeFileSync(
            join(d, 'inspectors.json'),
            JSON.stringify(JSON.parse(readFileSync(join(d, 'inspectors.json'), 'utf8')), null, 1),
          ),
        ),
    ],
  ];
  for (const [name, make] of cases) {
    it(`${name}: fails in the page with the same part and the same first difference as inspect verify`, async () => {
      const dir = make();
      const c = await inCli(dir);
      expect(c.code).toBe(65);
      const page = await inPage(dir, name === 'a damaged signature' ? shot('verifier-fail.png') : undefined);
      expect(page.verdict).toBe('fail');
      const firstCli = c.rows.find((r) => !r.ok)!;
      const firstPage = page.rows.find((r) => !r.ok)!;
      expect(firstPage).toEqual(firstCli);
      expect(page.rows.slice(1)).toEqual(c.rows);
    });
  }

  /** inspect verify DIR in this process (the spawned binary is tested above): its exit code and checks. */
  async function verifyHere(dir: string): Promise<{ code: number; rows: Row[] }> {
    try {
      const r = await verifyTarget(testContext(undefined, { lang: 'zh' }), dir);
      return { code: r.ok ? 0 : 65, rows: r.checks };
    } catch (e) {
      if (e instanceof InspectError) return { code: e.exit, rows: [] };
      throw e;
    }
  }
  const other = (v: unknown): unknown =>
    typeof v === 'number'
      ? v + 1
      : typeof v === 'string'
        ? `${v}0`
        : typeof v === 'boolean'
          ? !v
          : v === null
            ? 'x'
            : Array.isArray(v)
              ? [...v, v[0] ?? 'x']
              : { ...(v as object), extra: 1 };
  for (const file of JSON_FILES) {
    it(`one verdict for ${file}: each field changed, a BOM, an unknown key — page and CLI agree check by check`, async () => {
      const doc = JSON.parse(readFileSync(join(committed, file), 'utf8')) as Record<string, unknown>;
      const variants: [string, string][] = Object.keys(doc).map((key) => [
        `${file} ${key}`,
        tampered(
          committed,
          editJson(file, (v) => (v[key] = other(v[key]))),
        ),
      ]);
      variants.push([
        `${file} unknown key`,
        tampered(
          committed,
          editJson(file, (v) => (v.note = '伪造')),
        ),
      ]);
      variants.push([
        `${file} BOM`,
        tampered(committed, (d) =>
          writeFileSync(join(d, file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(d, file))])),
        ),
      ]);
      const open = await browser.newPage();
      await open.goto(`file://${join(committed, 'verify.html')}`);
      for (const [what, dir] of variants) {
        const c = await verifyHere(dir);
        const page = await inPage(dir, undefined, open);
        // The same verdict (a field the bundle alone cannot bind, such as reason, passes in both).
        expect(page.verdict, what).toBe(c.code === 0 ? 'pass' : 'fail');
        // Same checks with the same verdicts (a file refused before any check fails the page's files row).
        if (c.rows.length)
          expect(
            page.rows.slice(1).map((r) => [r.name, r.ok]),
            what,
          ).toEqual(c.rows.map((r) => [r.name, r.ok]));
        else expect(page.rows[0], what).toMatchObject({ name: 'files', ok: false });
      }
      await open.close();
    });
  }

  it('a time-stamped commitment: the page checks the token as the CLI does; without it, a visible note', async () => {
    const page = await inPage(committed);
    expect(page.verdict).toBe('pass');
    const row = page.rows.find((r) => r.name === 'timestamp');
    expect(row).toMatchObject({ ok: true });
    expect(row!.detail).toContain('承诺于 TSA 时间 2023-09-15T10:42:00.000Z 之前已存在（时间戳机构：CN=Test TSA）');
    const bare = tampered(committed, (d) => rmSync(join(d, 'commitment.tsr')));
    const p2 = await browser.newPage();
    try {
      await p2.goto(`file://${join(bare, 'verify.html')}`);
      await p2.setInputFiles('#folder', bare);
      await p2.waitForSelector('body[data-verdict]', { timeout: 60_000 });
      expect(await p2.textContent('#no-timestamp')).toContain('没有可信时间戳');
    } finally {
      await p2.close();
    }
    // Another TSA's root in the bundle: the token no longer chains, in the page and in the CLI alike.
    const other = await makeTsa({ name: 'Other' });
    const forged = tampered(committed, (d) => writeFileSync(join(d, 'tsa-roots.pem'), other.rootPem));
    expect((await inPage(forged)).rows.find((r) => r.name === 'timestamp')).toMatchObject({ ok: false });
    expect((await inCli(forged)).code).toBe(65);
  });

  it('a folder: a genuine copy in a subfolder does not replace a forged top-level file', async () => {
    const dir = tampered(committed, (d) => {
      mkdirSync(join(d, 'orig'));
      for (const f of FILES) writeFileSync(join(d, 'orig', f), readFileSync(join(d, f)));
      editText('record.json', /"seed":"[^"]*"/, '"seed":"forged"')(d);
    });
    const page = await browser.newPage();
    try {
      await page.goto(`file://${join(dir, 'verify.html')}`);
      await page.setInputFiles('#folder', dir);
      await page.waitForSelector('body[data-verdict]', { timeout: 60_000 });
      expect(await page.evaluate(() => document.body.dataset.verdict)).toBe('fail');
    } finally {
      await page.close();
    }
    expect((await inCli(dir)).code).toBe(65);
  });

  it('a missing file fails in the page naming it, as the CLI refuses it (66)', async () => {
    for (const file of ['inspectors.json', 'beacons.json']) {
      const dir = tampered(file === 'beacons.json' ? committed : plain, (d) => rmSync(join(d, file)));
      expect((await inCli(dir)).code).toBe(66);
      const page = await inPage(dir);
      expect(page.verdict).toBe('fail');
      expect(page.rows[0]).toMatchObject({ name: 'files', ok: false });
      expect(page.rows[0]!.detail).toContain(file);
    }
  });

  it('a whole folder can be chosen at once, and the page switches to English and back', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${join(committed, 'verify.html')}`);
      expect(await page.textContent('h1')).toBe('双随机抽取复核');
      await page.setInputFiles('#folder', committed);
      await page.waitForSelector('body[data-verdict="pass"]', { timeout: 60_000 });
      await page.click('#lang');
      await page.waitForSelector('body[data-verdict="pass"]', { timeout: 60_000 });
      expect(await page.textContent('h1')).toBe('Draw verifier (双随机)');
      expect(await page.textContent('#verdict')).toContain('All parts match');
      expect(await page.textContent('tr[data-check="key"] td.mark')).toBe('match');
    } finally {
      await page.close();
    }
  });

  it('files dropped on the page are verified', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`file://${join(plain, 'verify.html')}`);
      const files = ['frame.json', 'inspectors.json', 'record.json'].map((f) => ({
        name: f,
        text: readFileSync(join(plain, f), 'utf8'),
      }));
      await page.evaluate((fs) => {
        const dt = new DataTransfer();
        for (const f of fs) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
        document
          .getElementById('drop')!
          .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, files);
      await page.waitForSelector('body[data-verdict]', { timeout: 60_000 });
      expect(await page.evaluate(() => document.body.dataset.verdict)).toBe('pass');
    } finally {
      await page.close();
    }
  });

  it('the bundle carries the algorithm and a README that sends people to verify.html, with no npx', () => {
    const readme = readFileSync(join(committed, 'README.txt'), 'utf8');
    expect(readme).toContain('verify.html');
    expect(readme).not.toContain('npx');
    expect(readFileSync(join(committed, 'algorithm.md'), 'utf8')).toContain('inspect-commit/1');
  });
});
