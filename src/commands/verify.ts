// inspect verify DRAW_ID | DIR: recompute every part of a draw and report match or mismatch.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Exit, ExitError, InspectError } from '../core/errors.js';
import type { DrawRecord } from '../core/record.js';
import { verifyDraw, type Check } from '../core/verify.js';
import type { Context } from './context.js';
import { loadDrawOrFail } from './bundle.js';

export interface VerifyResult {
  drawId: string;
  source: string;
  ok: boolean;
  checks: Check[];
  superseded: string | null;
}

function readBundle(dir: string): { frameText: string; record: DrawRecord; assignText?: string } {
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
  const a = join(dir, 'inspectors.json');
  return { frameText: need('frame.json'), record, assignText: existsSync(a) ? readFileSync(a, 'utf8') : undefined };
}

export function verifyTarget(ctx: Context, target: string): VerifyResult {
  if (existsSync(target) && statSync(target).isDirectory()) {
    const b = readBundle(target);
    return { drawId: b.record.drawId, source: target, checks: verifyDraw(b), ok: false, superseded: null };
  }
  const d = loadDrawOrFail(ctx, target);
  const record = JSON.parse(d.record) as DrawRecord;
  return {
    drawId: d.id, source: ctx.dbPath, ok: false, superseded: d.superseded_by ?? null,
    checks: verifyDraw({ frameText: d.frame.toString('utf8'), record, assignText: d.assign_input.toString('utf8') }),
  };
}

export function runVerify(ctx: Context, target: string): VerifyResult {
  const { ui } = ctx;
  const r = verifyTarget(ctx, target);
  r.ok = r.checks.every((c) => c.ok);
  const zh = ui.lang === 'zh';
  const names: Record<string, string> = zh
    ? { frame: '抽取框', digest: '输入摘要', seed: '种子', allocation: '分配', selection: '抽中对象', assignments: '检查组' }
    : { frame: 'frame', digest: 'digest', seed: 'seed', allocation: 'allocation', selection: 'selection', assignments: 'assignments' };
  if (ui.json) ui.outJson(r);
  else {
    ui.out(zh ? `复核抽取 ${r.drawId}（${r.source}）` : `Verifying draw ${r.drawId} (${r.source})`);
    if (r.superseded) ui.out(zh ? `（该抽取已被 ${r.superseded} 作废）` : `(this draw was superseded by ${r.superseded})`);
    for (const c of r.checks) {
      const mark = c.ok ? ui.c.green(zh ? '一致  ' : 'match   ') : ui.c.red(zh ? '不一致' : 'MISMATCH');
      ui.out(`  ${mark} ${names[c.name]!.padEnd(zh ? 5 : 12)} ${c.detail}`);
    }
    ui.out(r.ok ? (zh ? '全部一致。' : 'All parts match.') : zh ? '复核未通过。' : 'Verification FAILED.');
  }
  if (!r.ok) throw new ExitError(Exit.data);
  return r;
}
