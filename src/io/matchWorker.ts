// `inspect verify`'s second thread: inspectors.json read a chunk at a time (core/assignText.ts, keeping
// only the selected objects' rows) and the draw's matching (inspect-assign/1, core/matching.ts) computed
// from it, while the first thread checks the frame and the selection. The same pure functions on the
// same bytes; the teams' check then compares the result with the record exactly as it would its own
// (core/verify.ts, Assigned). Started by matchInWorker below.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { scanAssign, type AssignScan } from '../core/assignText.js';
import { assign, type MatchResult, type ObjectRow } from '../core/matching.js';
import type { Assigned } from '../core/verify.js';
import { bundleFileChunks } from './safeRead.js';
import { workerUrl } from './workerUrl.js';

interface Job {
  /** inspectors.json: a bundle's file, or the bytes a draw row stores. */
  source: { file: string } | { bytes: Uint8Array };
  selected: string[];
  seedHex: string;
}

interface Answer {
  scan: AssignScan | null;
  result: MatchResult | null;
}

/** The scan and the matching in a worker thread; undefined parts could not be had there (the caller computes them). */
export function matchInWorker(
  job: Job,
  url: URL = workerUrl('matchWorker.js', import.meta.url),
): Promise<{ scan?: AssignScan; assigned?: Assigned }> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { workerData: job });
    } catch {
      resolve({});
      return;
    }
    worker.once('message', (m: Answer) => {
      resolve({
        ...(m.scan ? { scan: m.scan } : {}),
        ...(m.result ? { assigned: { seedHex: job.seedHex, selected: job.selected, result: m.result } } : {}),
      });
      void worker.terminate();
    });
    // A thread that fails or ends without an answer costs only time.
    worker.once('error', () => resolve({}));
    worker.once('exit', () => resolve({}));
  });
}

if (parentPort && workerData && (workerData as Partial<Job>).source !== undefined) {
  const { source, selected, seedHex } = workerData as Job;
  const answer: Answer = { scan: null, result: null };
  try {
    const pieces = 'file' in source ? bundleFileChunks(source.file)() : [source.bytes];
    const scan = scanAssign(pieces, new Set(selected));
    answer.scan = scan;
    const objects: ObjectRow[] = [];
    for (const id of selected) {
      const row = scan.rows.get(id);
      if (row) objects.push(row);
    }
    if (scan.ok && scan.head && objects.length === selected.length)
      answer.result = assign({ ...scan.head, objects }, seedHex);
  } catch {
    // Unreadable, or refused (a byte-order mark): the main thread reads it again and says why.
  }
  parentPort.postMessage(answer);
}
