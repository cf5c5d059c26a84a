// The verifier page in Debian's Chromium: its size, and the time to verify a bundle whose frame has at
// least 100,000 rows (target < 10 s), beside `inspect verify DIR` of the same bundle in the same run.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { OBJECT_HEADERS, objectRows } from '../dev/sampleData.js';
import { fmt, runInspect } from './measure.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function benchBrowser(work: string): Promise<void> {
  if (!hasChromium()) {
    console.log(`\nverifier page: skipped (no Chromium at ${CHROMIUM}; apt-get install chromium)`);
    return;
  }
  const db = join(work, 'browser.db');
  const objects = join(work, 'objects-120k.csv');
  writeFileSync(objects, stringify([OBJECT_HEADERS, ...objectRows(120_000, 'browser')]));
  const files = {
    departments: [
      ['部门编码', '部门名称', '层级', '上级部门'],
      ['HLSJ', '湖里区市场监督管理局', '县', ''],
    ],
    items: [
      ['事项编码', '事项名称', '检查类别', '事项类型', '发起部门', '所需专长'],
      ['BX01', '企业公示信息抽查', '公示信息', '一般', 'HLSJ', ''],
    ],
    inspectors: [
      ['人员编号', '姓名', '部门', '执法证号', '证件有效期至', '业务专长', '区域', '状态'],
      ...Array.from({ length: 50 }, (_, i) => [`B${i}`, `检查员${i}`, 'HLSJ', `闽${i}`, '2030-12-31', '', '', '在岗']),
    ],
  };
  for (const [kind, table] of Object.entries(files)) writeFileSync(join(work, `b-${kind}.csv`), stringify(table));
  runInspect(['import', 'departments', join(work, 'b-departments.csv'), '--db', db, '-q'], work);
  runInspect(['import', 'items', join(work, 'b-items.csv'), '--db', db, '-q'], work);
  runInspect(['import', 'objects', objects, '--db', db, '-q'], work);
  runInspect(['import', 'inspectors', join(work, 'b-inspectors.csv'), '--db', db, '-q'], work);
  runInspect(
    [
      'draw',
      '--items',
      'BX01',
      '--year',
      '2026',
      '--window',
      '2026-11-01..2026-12-31',
      '--seed',
      'browser',
      '--yes',
      '--db',
      db,
      '-q',
    ],
    work,
  );
  const bundle = join(work, 'browser-bundle');
  runInspect(['export', 'bundle', '2026-HLSJ-001', '--out', bundle, '--db', db, '-q'], work);
  const frameRows = (JSON.parse(readFileSync(join(bundle, 'frame.json'), 'utf8')) as { frame: unknown[] }).frame.length;
  const cliVerify = runInspect(['verify', bundle, '--json'], work);

  const page = await pageVerify(bundle, ['frame.json', 'inspectors.json', 'record.json']);
  const size = statSync(join(bundle, 'verify.html')).size;
  console.log(`\nverifier page (verify.html, ${fmt(size / 1024, 0)} KiB, self-contained) in Chromium`);
  console.log(
    `  verify a bundle with a ${frameRows.toLocaleString()}-row frame: ${fmt(page.seconds)} s, verdict ${page.verdict} ` +
      `(target < 10 s); ` +
      `inspect verify DIR of the same bundle: ${fmt(cliVerify.seconds)} s ` +
      `(page ${fmt(page.seconds / cliVerify.seconds)}× the CLI)`,
  );
}

/**
 * The bundle's own verify.html in Debian's Chromium, given these of its files: the seconds from choosing
 * the files to the verdict, and the verdict.
 */
export async function pageVerify(bundle: string, names: string[]): Promise<{ seconds: number; verdict: string }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${join(bundle, 'verify.html')}`);
    const t0 = process.hrtime.bigint();
    await page.setInputFiles(
      '#files',
      names.map((f) => join(bundle, f)),
    );
    await page.waitForSelector('body[data-verdict]', { timeout: 600_000 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { seconds, verdict: String(await page.evaluate('document.body.dataset.verdict')) };
  } finally {
    await browser.close();
  }
}

export const hasChromium = (): boolean => existsSync(CHROMIUM);
