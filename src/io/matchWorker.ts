// `inspect verify`'s second thread: the matching of a draw (inspect-assign/1, core/matching.ts), computed
// from the bundle's inspectors.json while the first thread checks the frame and the selection. It is
// the same pure function on the same input; the teams' check then compares its result with the record
// exactly as it would compare its own (core/verify.ts, Assigned). Started by matchInWorker below.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { assign, forSelection, type AssignInput, type MatchResult } from '../core/matching.js';
import type { Assigned } from '../core/verify.js';
import { workerUrl } from './workerUrl.js';

interface Job {
  assignText: string;
  selected: string[];
  seedHex: string;
}

/** The matching in a worker thread; undefined when it cannot be had there (the caller computes it). */
export function matchInWorker(
  job: Job,
  url: URL = workerUrl('matchWorker.js', import.meta.url),
): Promise<Assigned | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: job });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (m: { result: MatchResult | null }) => {
      resolve(m.result ? { seedHex: job.seedHex, selected: job.selected, result: m.result } : undefined);
      void worker.terminate();
    });
    // A thread that fails or ends without an answer costs only time.
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

if (parentPort && workerData && (workerData as Partial<Job>).assignText !== undefined) {
  const { assignText, selected, seedHex } = workerData as Job;
  let result: MatchResult | null = null;
  try {
    const f = forSelection(JSON.parse(assignText) as AssignInput, selected);
    if (f.ok) result = assign(f.input, seedHex);
  } catch {
    // Not JSON, or not a matching input: the main thread's check says what is wrong with it.
  }
  parentPort.postMessage({ result });
}
