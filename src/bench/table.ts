// The benchmark's summary: one line per measured step with its baseline ratio and the target it is held
// to, printed as a Markdown table at the end of `npm run bench` (the README keeps the latest one).
import { fmt } from './measure.js';

export interface Figure {
  rows: number;
  step: string;
  seconds: number;
  peakMB: number;
  /** Time over the baseline measured in the same run. */
  ratio: number;
  baseline: string;
  maxRatio?: number;
  maxPeakMB?: number;
}

const figures: Figure[] = [];

export function record(f: Figure): void {
  figures.push(f);
}

export function summary(): string {
  const head = '| rows | step | time | peak | ratio | target | met? |\n|---:|---|---:|---:|---:|---|---|';
  const lines = figures.map((f) => {
    const targets = [
      f.maxRatio !== undefined ? `≤ ${f.maxRatio}× ${f.baseline}` : '',
      f.maxPeakMB !== undefined ? `≤ ${f.maxPeakMB} MB` : '',
    ].filter(Boolean);
    const met =
      (f.maxRatio === undefined || f.ratio <= f.maxRatio) && (f.maxPeakMB === undefined || f.peakMB <= f.maxPeakMB);
    if (Number.isNaN(f.seconds))
      return `| ${f.rows.toLocaleString('en')} | ${f.step} | – | – | – | ${f.baseline} | – |`;
    const target = targets.length ? targets.join(', ') : `(${f.baseline})`;
    return (
      `| ${f.rows.toLocaleString('en')} | ${f.step} | ${fmt(f.seconds)} s | ${fmt(f.peakMB, 0)} MB | ` +
      `${fmt(f.ratio)}× | ${target} | ${targets.length ? (met ? 'yes' : '**no**') : '–'} |`
    );
  });
  return [head, ...lines].join('\n');
}
