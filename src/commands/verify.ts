// inspect verify DRAW_ID | DIR: recompute every part of a draw (and, for a committed draw, of its
// commitment and revealed values) and report match or mismatch with the first difference.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Exit, ExitError, InspectError } from '../core/errors.js';
import type { DrawRecord } from '../core/record.js';
import { unprovableFields, verifyBundle, type Check } from '../core/verify.js';
import { readEvents } from '../io/events.js';
import { drawProblems } from './audit.js';
import { displayWidth, padDisplay } from '../core/text.js';
import type { Context } from './context.js';
import { loadDrawOrFail, type LoadedDraw } from './bundle.js';

export interface VerifyResult {
  drawId: string;
  source: string;
  ok: boolean;
  checks: Check[];
  superseded: string | null;
  seed: string;
  items: string[];
  year: number;
  window: { start: string; end: string };
  committed: boolean;
  /** Lottery values to compare by hand with the official announcement. */
  lotteries: string[];
  /** Record fields a bundle alone cannot prove: compare them with the published notice. */
  unprovable: string[];
  clockOverridden: boolean;
}

interface BundleFiles {
  frameText: string;
  record: DrawRecord;
  assignText: string;
  commit?: { commitmentText: string; beaconsText: string };
}

function readBundle(dir: string): BundleFiles {
  const need = (f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file: p } });
    return readFileSync(p, 'utf8');
  };
  let record: DrawRecord;
  try {
    record = JSON.parse(need('record.json')) as DrawRecord;
  } catch (e) {
    if (e instanceof InspectError) throw e;
    throw new InspectError(Exit.data, { key: 'E_FILE_READ', params: { file: join(dir, 'record.json'), detail: (e as Error).message } });
  }
  // A committed draw is recognised by its record or by either commitment file: then both must be there.
  const committed = record.commitDigest !== undefined || existsSync(join(dir, 'commitment.json')) || existsSync(join(dir, 'beacons.json'));
  return {
    frameText: need('frame.json'), record, assignText: need('inspectors.json'),
    ...(committed ? { commit: { commitmentText: need('commitment.json'), beaconsText: need('beacons.json') } } : {}),
  };
}

export function verifyTarget(ctx: Context, target: string): VerifyResult {
  let files: BundleFiles;
  let source: string;
  let superseded: string | null = null;
  let tables: string[] | null = null;
  // Draw ids are letters, digits, - and _: anything else is a folder, and a missing one is said to be so.
  if (!existsSync(target) && /[./\\]/.test(target)) throw new InspectError(Exit.noInput, { key: 'E_FOLDER_MISSING', params: { dir: target } });
  if (existsSync(target) && statSync(target).isDirectory()) {
    files = readBundle(target);
    source = target;
  } else {
    const d = loadDrawOrFail(ctx, target);
    source = ctx.dbPath;
    superseded = d.superseded_by ?? null;
    tables = tableProblems(ctx, d);
    files = {
      frameText: d.frame.toString('utf8'), record: JSON.parse(d.record) as DrawRecord, assignText: d.assign_input.toString('utf8'),
      ...(d.commitment ? { commit: { commitmentText: d.commitment.commitment, beaconsText: d.commitment.beacons ?? '' } } : {}),
    };
  }
  const r = files.record;
  const v = verifyBundle({ ...files, lang: ctx.ui.lang });
  // By id, the tables every export reads are checked against the record too.
  if (tables) v.checks.push({ name: 'tables', ok: tables.length === 0, detail: tables[0] ?? 'draws, draw_selections, draw_assignments, draw_snapshots' });
  const committed = files.commit !== undefined;
  return {
    drawId: r.drawId, source, ok: v.checks.every((c) => c.ok), checks: v.checks, superseded, seed: r.seed, items: r.items, year: r.year, window: r.window,
    committed, lotteries: v.lotteries, clockOverridden: v.clockOverridden,
    unprovable: tables ? [] : unprovableFields(committed),
  };
}

function tableProblems(ctx: Context, d: LoadedDraw): string[] {
  const db = ctx.openDb({ readonly: true });
  try {
    const byRef = new Map(readEvents(db).filter((e) => e.ref).map((e) => [e.ref, e]));
    return drawProblems(db, d, byRef);
  } finally {
    db.close();
  }
}

export function runVerify(ctx: Context, target: string): VerifyResult {
  const { ui } = ctx;
  const r = verifyTarget(ctx, target);
  const zh = ui.lang === 'zh';
  const names: Record<string, string> = zh
    ? { frame: '抽取框', digest: '输入摘要', seed: '种子', allocation: '分配', selection: '抽中对象', assignments: '检查组', record: '抽取记录字段', tables: '数据库表', commitment: '抽取承诺', sourceTimes: '随机源时间', beacons: '公共随机数', key: '密钥串' }
    : { frame: 'frame', digest: 'digest', seed: 'seed', allocation: 'allocation', selection: 'selection', assignments: 'assignments', record: 'record fields', tables: 'tables', commitment: 'commitment', sourceTimes: 'source times', beacons: 'public values', key: 'key string' };
  if (ui.json) ui.outJson(r);
  else {
    ui.out(zh ? `复核抽取 ${r.drawId}（${r.source}）` : `Verifying draw ${r.drawId} (${r.source})`);
    ui.out(zh ? `  事项 ${r.items.join(',')}  年度 ${r.year}  检查时间 ${r.window.start} 至 ${r.window.end}` : `  items ${r.items.join(',')}  year ${r.year}  window ${r.window.start} to ${r.window.end}`);
    ui.out(zh ? `  种子（原文）：${JSON.stringify(r.seed)}` : `  seed (as given): ${JSON.stringify(r.seed)}`);
    if (r.superseded) ui.out(zh ? `（该抽取已被 ${r.superseded} 作废）` : `(this draw was superseded by ${r.superseded})`);
    const width = Math.max(...r.checks.map((c) => displayWidth(names[c.name]!)));
    for (const c of r.checks) {
      const mark = c.ok ? ui.c.green(zh ? '一致  ' : 'match   ') : ui.c.red(zh ? '不一致' : 'MISMATCH');
      ui.out(`  ${mark} ${padDisplay(names[c.name]!, width)}  ${c.detail}`);
    }
    if (r.unprovable.length) {
      ui.out(zh ? `  复核包无法单独证明的字段（请与公告核对）：${r.unprovable.join('、')}` : `  not provable from the bundle alone (compare with the notice): ${r.unprovable.join(', ')}`);
    }
    if (r.lotteries.length) {
      ui.out(zh ? '请与官方开奖公告逐一核对以下号码（本工具无法离线证明彩票号码的真实性）：' : 'Compare these numbers with the official announcements (lottery numbers cannot be proven offline):');
      for (const l of r.lotteries) ui.out(`  ${l}`);
    }
    ui.out(r.ok ? (zh ? '全部一致。' : 'All parts match.') : zh ? '复核未通过。' : 'Verification FAILED.');
  }
  if (r.clockOverridden) ui.warn('W_CLOCK_OVERRIDDEN');
  if (!r.ok) throw new ExitError(Exit.data);
  return r;
}
