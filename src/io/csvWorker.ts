// The import's parse worker (a worker thread started by csvParallel.ts): it reads, hashes, decodes and
// splits the file, and once the main thread has mapped the header it also runs the compiled fast path
// over each row, so that on the second core this work overlaps SQLite's writes on the first. It
// decides nothing: a row the fast path does not certainly accept goes to the main thread as its raw
// cells, and the full validator there finds and words every problem, exactly as without the worker.
// Rows cross the thread boundary packed as core/rowPacking.ts describes.
import { parentPort, workerData } from 'node:worker_threads';
import { InspectError } from '../core/errors.js';
import type { SchemaKind } from '../core/rosters.js';
import { RowPacker, type PackedRows } from '../core/rowPacking.js';
import { fastRowValidator, fastRecordKeys } from '../core/validateFast.js';
import type { HeaderMap, RefSets } from '../core/validateRow.js';
import { openCsv, type CsvRow, type Encoding } from './csvRead.js';

/** Batches sent and not yet taken by the main thread; the worker waits beyond this (bounded memory). */
const IN_FLIGHT = 8;
/**
 * Rows a message: a chunk of the file (about 7,000 rows) goes in pieces, so that fewer rows are alive
 * on the main thread at a time and fewer of them outlive a young-generation collection.
 */
const BATCH_ROWS = 1024;

export interface WorkerInput {
  file: string;
  encoding?: Encoding;
}

/** Main thread → worker. */
export type ToWorker =
  { t: 'validate'; kind: SchemaKind; map: HeaderMap; refs: RefSets | null } | { t: 'raw' } | { t: 'taken' };

/** Worker → main thread. */
export type FromWorker =
  | { t: 'open'; encoding: Encoding; bom: boolean; size: number }
  | ({ t: 'rows'; read: number } & PackedRows)
  | { t: 'done'; sha256: string; read: number }
  | { t: 'error'; exit: InspectError['exit']; msg: InspectError['msg']; details: InspectError['details'] }
  | { t: 'crash'; message: string; stack?: string };

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  // Messages from the main thread, taken in order by whoever waits.
  const inbox: ToWorker[] = [];
  let wake: (() => void) | undefined;
  let inFlight = 0;
  port.on('message', (m: ToWorker) => {
    if (m.t === 'taken') inFlight--;
    else inbox.push(m);
    wake?.();
  });
  // The main thread ends the worker (terminate) when it stops early; here it only ever waits.
  const until = async (ready: () => boolean) => {
    while (!ready()) await new Promise<void>((r) => (wake = r));
    wake = undefined;
  };

  const reader = await openCsv(input.file, input.encoding);
  port.postMessage({ t: 'open', encoding: reader.encoding, bom: reader.bom, size: reader.size } satisfies FromWorker);
  let fast: ((cells: string[]) => Record<string, string> | null) | undefined;
  let packer = new RowPacker([]);
  const post = async () => {
    const packed = packer.take();
    inFlight++;
    const m: FromWorker = { t: 'rows', read: reader.bytesRead(), ...packed };
    port.postMessage(m, [packed.meta.buffer as ArrayBuffer, packed.codes.buffer as ArrayBuffer]);
    await until(() => inFlight < IN_FLIGHT);
  };
  let header = false;
  const send = async (rows: CsvRow[]) => {
    for (const { row, cells } of rows) {
      const record = fast?.(cells);
      if (record) packer.addClean(row, record);
      else packer.addRaw(row, cells, Boolean(fast));
      if (packer.rows >= BATCH_ROWS) await post();
    }
    if (packer.rows) await post();
  };
  for await (const batch of reader.batches()) {
    let rest = batch;
    if (!header) {
      // The header goes alone; the rows after it wait for the main thread's map and reference sets.
      header = true;
      await send(batch.slice(0, 1));
      await until(() => inbox.length > 0);
      const v = inbox.shift()!;
      if (v.t === 'validate' && v.refs) {
        fast = fastRowValidator(v.kind, v.map, v.refs);
        packer = new RowPacker(fastRecordKeys(v.kind));
      }
      rest = batch.slice(1);
    }
    await send(rest);
  }
  port.postMessage({ t: 'done', sha256: reader.sha256(), read: reader.bytesRead() } satisfies FromWorker);
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as WorkerInput).catch((e: unknown) => {
    if (e instanceof InspectError)
      port.postMessage({ t: 'error', exit: e.exit, msg: e.msg, details: e.details } satisfies FromWorker);
    else {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ t: 'crash', message: err.message, stack: err.stack } satisfies FromWorker);
    }
  });
}
