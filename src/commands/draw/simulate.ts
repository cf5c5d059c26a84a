// inspect simulate: the same draw repeated in memory with seeds sim-1…sim-K, recording nothing, to show
// that each object's observed selection rate matches its published inclusion probability n/N.
import type { SimulateOptions } from '../../cli/flags.js';
import { maxOf, minOf } from '../../core/text.js';
import { usageError } from '../../core/errors.js';
import { idsInStratum } from '../../core/frameRows.js';
import { computeSelection } from '../../core/record.js';
import type { Context } from '../../cli/context.js';
import { planFromDb } from './drawPlan.js';
import { parseRuns, parseWindow, parseYear, splitCodes } from '../../cli/optionParsers.js';
import { readPolicy } from '../../io/policyFile.js';
import { today } from '../../io/clock.js';
import { formatTable } from '../../core/text.js';
import { stratumName } from './drawRender.js';

export interface StratumStats {
  stratum: string;
  N: number;
  n: number;
  expected: number;
  observed: number;
  minObjectRate: number;
  maxObjectRate: number;
  maxAbsZ: number;
}

export function runSimulate(ctx: Context, opts: SimulateOptions) {
  const { ui } = ctx;
  if (!opts.items) throw usageError('E_NO_ITEMS');
  if (!opts.year) throw usageError('E_BAD_YEAR', { value: '' });
  const runs = parseRuns(opts.runs);
  const year = parseYear(opts.year);
  const db = ctx.openDb({ readonly: true });
  let plan;
  try {
    ({ plan } = planFromDb(
      db,
      {
        itemCodes: splitCodes(opts.items),
        year,
        policy: readPolicy(opts.policy),
        regions: opts.region ?? [],
        crossRegion: false,
        window: parseWindow(undefined, year, today() > `${year}-12-31` ? `${year}-01-01` : today()),
        supersede: null,
        reason: null,
        sourceUnavailable: false,
      },
      'SIMULATION',
    ));
  } finally {
    db.close();
  }
  const counts = new Map<string, number>();
  for (let k = 1; k <= runs; k++) {
    for (const s of computeSelection(plan.frameBytes, plan.frame, `sim-${k}`).selected)
      counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
  }
  const stats: StratumStats[] = Object.keys(plan.allocation.N)
    .sort()
    .map((h) => {
      const N = plan.allocation.N[h]!;
      const n = plan.allocation.n[h]!;
      const p = n / N;
      const ids = idsInStratum(plan.frame.frame, h);
      const rates = ids.map((id) => (counts.get(id) ?? 0) / runs);
      const sd = Math.sqrt((p * (1 - p)) / runs);
      return {
        stratum: h,
        N,
        n,
        expected: p,
        observed: rates.reduce((a, b) => a + b, 0) / N,
        minObjectRate: minOf(rates),
        maxObjectRate: maxOf(rates),
        maxAbsZ: sd === 0 ? 0 : maxOf(rates.map((r) => Math.abs(r - p) / sd)),
      };
    });
  const result = { runs, frameSize: plan.frame.frame.ids.length, strata: stats };
  if (ui.json) ui.outJson(result);
  else {
    ui.out(ui.t('T_SIMULATED_DRAWS_SEEDS_SIM', { runs, frameCount: plan.frame.frame.ids.length }));
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    const rows = stats.map((s) => [
      `${s.stratum} ${stratumName(s.stratum, ui)}`,
      String(s.N),
      String(s.n),
      pct(s.expected),
      pct(s.observed),
      pct(s.minObjectRate),
      pct(s.maxObjectRate),
      s.maxAbsZ.toFixed(2),
    ]);
    for (const line of formatTable([ui.t('TH_SIMULATE').split('|'), ...rows], new Set([1, 2, 3, 4, 5, 6, 7])))
      ui.out(line);
  }
  return result;
}
