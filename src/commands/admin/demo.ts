// inspect demo: the whole cycle that exists so far, on the bundled sample data, in a temporary folder.
import type { DemoOptions } from '../../cli/flags.js';
import { env, io, withIo } from '../../io/processIo.js';
import { invocation } from '../../io/invocation.js';
import type { MessageKey, Msg } from '../../core/messages.js';
import { selectionRows } from '../../io/exportData.js';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { csvText } from '../../io/csvWrite.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATA_DIR, PACKAGE_ROOT } from '../../io/paths.js';
import { InspectError } from '../../core/errors.js';
import { makeContext, type Context } from '../../cli/context.js';
import { runImport } from '../import/import.js';
import { runInit } from './init.js';
import { runStatus } from '../views/status.js';

export const SAMPLE_FILES = [
  ['departments', 'departments.csv'],
  ['items', 'items.csv'],
  ['objects', 'objects.csv'],
  ['inspectors', 'inspectors.csv'],
  ['history', 'history.csv'],
] as const;

export const DEMO_SEED = '湖里区2026年第一批';
/** The demo's "today": the sample data describe 2026, so the demo lives on a fixed day in it. */
const DEMO_TODAY = '2026-12-04';

/** A results file as a team would return it: the first selected objects, with a spread of outcomes. */
function writeSampleResults(ctx: Context, drawId: string, file: string): void {
  const db = ctx.openDb();
  try {
    const ids = selectionRows(db, drawId)
      .slice(0, 6)
      .map((r) => r.object_id);
    const outcomes = [
      ['2026-11-24', '1', '无需后续处置'],
      ['2026-11-25', 'E', '责令改正'],
      ['2026-11-26', '6', '其他'],
      ['2026-11-27', '1', '无需后续处置'],
      ['2026-12-01', 'B', '责令改正'],
      ['2026-12-03', '1', '无需后续处置'],
    ];
    const rows = ids.map((id, i) => [drawId, id, ...outcomes[i % outcomes.length]!]);
    writeFileSync(
      file,
      csvText(['抽查编号', '统一社会信用代码', '检查完成日期', '检查结果', '后续处置'], rows, { excel: true }),
    );
  } finally {
    db.close();
  }
}

/** drand quicknet round 657413 (public 2023-09-15T19:00:03+08:00), a published beacon. */
const DEMO_ROUND = 657413;
const DEMO_SIGNATURE =
  'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';
const OTHER_ROUND_SIGNATURE =
  'b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39';

/**
 * A committed draw end to end on a real past drand round. The clock is set with INSPECT_NOW, as in a
 * rehearsal: the commitment twenty minutes before the round, the reveal after it.
 */
async function demoCommitted(
  ctx: Context,
  dir: string,
  year: string,
  window: string,
  step: (key: MessageKey, params?: Msg['params']) => void,
): Promise<void> {
  const { ui } = ctx;
  await withClock('2023-09-15T18:40:00+08:00', async () => {
    step('D_STEP_5A');
    const { runDraw } = await import('../draw/draw.js');
    const c = (await runDraw(ctx, { items: 'SC02', year, window, commit: true, beacon: [`drand:${DEMO_ROUND}`] })) as {
      drawId: string;
    };
    const { runExportPublication } = await import('../export/exportPublication.js');
    await runExportPublication(ctx, c.drawId, {
      kind: 'commitment',
      out: join(dir, `抽取承诺公告-${c.drawId}.csv`),
      force: true,
    });

    step('D_STEP_5B');
    env().INSPECT_NOW = '2023-09-15T19:05:00+08:00';
    const { runReveal } = await import('../draw/reveal.js');
    try {
      await runReveal(ctx, c.drawId, { value: [OTHER_ROUND_SIGNATURE] });
    } catch (e) {
      if (!(e instanceof InspectError)) throw e;
      ui.error(e.msg);
    }
    step('D_STEP_5C');
    await runReveal(ctx, c.drawId, { value: [DEMO_SIGNATURE] });
    const { runExportBundle } = await import('../export/bundle.js');
    const bundle = join(dir, `bundle-${c.drawId}`);
    runExportBundle(ctx, c.drawId, { out: bundle, force: true });
    const { runVerify } = await import('../views/verify.js');
    await runVerify(ctx, bundle);
  });
}

/** Runs fn with the clock set by INSPECT_NOW, as a rehearsal would, and puts it back. */
async function withClock(iso: string, fn: () => Promise<void>): Promise<void> {
  const saved = env().INSPECT_NOW;
  env().INSPECT_NOW = iso;
  try {
    await fn();
  } finally {
    if (saved === undefined) delete env().INSPECT_NOW;
    else env().INSPECT_NOW = saved;
  }
}

export async function runDemo(parent: Context, opts: DemoOptions): Promise<object> {
  // With --json, stdout carries only the summary: the steps' own result lines go to stderr with the story.
  const streams = io();
  const summary = await withIo(parent.ui.json ? { ...streams, stdout: streams.stderr } : streams, () =>
    demoSteps(parent, opts),
  );
  if (parent.ui.json) parent.ui.outJson(summary);
  return summary;
}

async function demoSteps(parent: Context, opts: DemoOptions): Promise<DemoSummary> {
  const dir = opts.keep ? resolve(opts.keep) : mkdtempSync(join(tmpdir(), 'inspect-demo-'));
  mkdirSync(dir, { recursive: true });
  const { ui } = parent;
  // The demo answers its own questions: it never prompts, and it narrates on stderr.
  const ctx = makeContext({ ...parent.global, db: join(dir, 'inspect.db'), yes: true, json: false });
  const step = (key: MessageKey, params?: Msg['params']) => ui.note(`\n${ui.c.bold(ui.t(key, params))}`);
  ui.note(ui.t('T_DEMO_FOLDER', { dir }));

  // A practice database: the demo sets the clock (INSPECT_NOW) around a real past drand round, which
  // only a practice database honours; everything it produces is marked 演练.
  if (!existsSync(ctx.dbPath)) await runInit(ctx, { practice: true });
  step('D_STEP_1', { datadir: DATA_DIR });
  for (const [kind, file] of SAMPLE_FILES) await runImport(ctx, kind, join(DATA_DIR, file), {});

  step('D_STEP_2');
  runStatus(ctx);

  const { runDraw } = await import('../draw/draw.js');
  const year = '2026';
  const window = '2026-11-23..2026-12-31';
  step('D_STEP_3');
  await runDraw(ctx, { items: 'SC01', year, window, dryRun: true });

  step('D_STEP_4', { demoseed: DEMO_SEED });
  const draw = (await runDraw(ctx, { items: 'SC01', year, window, seed: DEMO_SEED })) as { drawId: string };
  step('D_STEP_5');
  await runDraw(ctx, { items: 'SC05', year, window, seed: `${DEMO_SEED}-联合` });

  await demoCommitted(ctx, dir, year, window, step);

  step('D_STEP_6');
  const bundle = join(dir, `bundle-${draw.drawId}`);
  const { runExportBundle } = await import('../export/bundle.js');
  runExportBundle(ctx, draw.drawId, { out: bundle, force: true });
  const { runVerify } = await import('../views/verify.js');
  await runVerify(ctx, bundle);

  step('D_STEP_7');
  const { runDraws } = await import('../views/draws.js');
  runDraws(ctx, {});

  step('D_STEP_8');
  const { runExportTasks } = await import('../export/exportTasks.js');
  await runExportTasks(ctx, draw.drawId, { out: join(dir, `任务清单-${draw.drawId}.csv`), force: true });
  await runExportTasks(ctx, draw.drawId, {
    format: 'xlsx',
    out: join(dir, `任务清单-${draw.drawId}.xlsx`),
    force: true,
  });
  const { runExportPublication } = await import('../export/exportPublication.js');
  await runExportPublication(ctx, draw.drawId, {
    kind: 'task',
    out: join(dir, `抽查任务公告-${draw.drawId}.csv`),
    force: true,
  });

  step('D_STEP_9');
  const resultsFile = join(dir, '检查结果.csv');
  writeSampleResults(ctx, draw.drawId, resultsFile);
  // Results come back weeks after the draw: the demo sets its clock to that day.
  await withClock(`${DEMO_TODAY}T10:00:00+08:00`, async () => {
    const { runResultsImport } = await import('../import/results.js');
    await runResultsImport(ctx, resultsFile, {});
    const { runReport } = await import('../views/report.js');
    runReport(ctx, {});
    await runExportPublication(ctx, draw.drawId, {
      kind: 'result',
      out: join(dir, `抽查结果公告-${draw.drawId}.csv`),
      force: true,
    });
  });

  step('D_STEP_10');
  const { runAudit } = await import('../views/audit.js');
  await runAudit(ctx, {});

  const run = invocation();
  const install = run === 'inspect' ? '' : ui.t('T_DEMO_INSTALL_HINT', { root: PACKAGE_ROOT });
  ui.note(ui.t('T_DATABASE_BUNDLE_TRY_NEXT', { dbPath: ctx.dbPath, bundle, run, install }));
  return { dir, database: ctx.dbPath, bundle, drawId: draw.drawId, next: `${run} --db ${ctx.dbPath} status` };
}

interface DemoSummary {
  dir: string;
  database: string;
  bundle: string;
  drawId: string;
  next: string;
}
