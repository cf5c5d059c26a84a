// A CsvReader whose reading, decoding, splitting and (after the header) fast validation run in a worker
// thread (csvWorker.ts), so that an import of a large file uses both cores: the worker prepares the next
// rows while the main thread writes the last ones to SQLite. The rows, their numbers, the file's digest
// and every error (with its exit code and message) are exactly those of openCsv in this thread; small
// files are read here, where starting a thread would cost more than it saves.
import { Worker } from 'node:worker_threads';
import { InspectError } from '../core/errors.js';
import type { SchemaKind } from '../core/rosters.js';
import { RowUnpacker, type UnpackedRow } from '../core/rowPacking.js';
import { fastRecordKeys } from '../core/validateFast.js';
import type { HeaderMap, RefSets } from '../core/validateRow.js';
import { openCsv, type CsvReader, type Encoding } from './csvRead.js';
import type { FromWorker, ToWorker, WorkerInput } from './csvWorker.js';
import { workerMinBytes, workerUrl } from './workerUrl.js';

/**
 * A row as the import sees it: its cells, or (from the worker, after the header) a clean record's
 * values in fastRecordKeys order, its raw cells then not sent (an errors file only needs a rejected
 * row's).
 */
export type ImportRow = UnpackedRow;

export interface ImportReader extends CsvReader {
  batches(): AsyncGenerator<ImportRow[]>;
  /**
   * Called once, after the header row: the worker then runs the fast path with these reference sets
   * (null: it does not, and the main thread checks every row). Without a worker it does nothing.
   */
  prevalidate(kind: SchemaKind, map: HeaderMap, refs: RefSets | null): void;
  /** The header did not map: the worker sends the next rows as they are (a hint reads the second one). */
  raw(): void;
}

const WORKER_URL = workerUrl('csvWorker.js', import.meta.url);

/** Opens the file for an import: in a worker thread when it is large, else as openCsv does. */
export async function openImportCsv(file: string, encoding?: Encoding): Promise<ImportReader> {
  const here = await openCsv(file, encoding);
  if (here.size < workerMinBytes()) return { ...here, prevalidate: () => undefined, raw: () => undefined };
  return openInWorker(file, here);
}

/**
 * The file was sniffed here (its encoding, BOM and size are reported from that); the worker starts when
 * the rows are first asked for and is ended when they stop being asked for, however that happens, so
 * an import that fails before reading leaves no thread behind. It decodes with the encoding found
 * here, so what is reported is what was used. A thread that cannot start (a machine short of memory
 * for a second heap, a damaged install) is not a reason to refuse an import: the file is then read
 * here, with the same result, only slower. Exported for the test of that (`url`).
 */
export function openInWorker(file: string, sniffed: CsvReader, url: URL = WORKER_URL): ImportReader {
  let worker: Worker | undefined;
  let inThread = false;
  let read = 0;
  let digest = '';
  let unpacker = new RowUnpacker(0);
  let pendingValidate: ToWorker | undefined;

  async function* batches(): AsyncGenerator<ImportRow[]> {
    let w: Worker;
    try {
      w = startWorker(url, file, sniffed.encoding);
    } catch {
      inThread = true;
      yield* sniffed.batches();
      return;
    }
    worker = w;
    // The worker waits for this after the header row (it queues it if it comes early).
    if (pendingValidate) w.postMessage(pendingValidate);
    const inbox: FromWorker[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    w.on('message', (m: FromWorker) => {
      inbox.push(m);
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    w.on('exit', (code) => {
      failure ??= new Error(`the CSV worker stopped (exit ${code}) before the end of ${file}`);
      wake?.();
    });
    const next = async (): Promise<FromWorker> => {
      for (;;) {
        const m = inbox.shift();
        if (m) {
          if (m.t === 'error') throw new InspectError(m.exit, m.msg, m.details);
          if (m.t === 'crash') throw Object.assign(new Error(m.message), { stack: m.stack });
          return m;
        }
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
    };
    try {
      let opened: FromWorker;
      try {
        opened = await next();
      } catch (e) {
        if (e instanceof InspectError) throw e;
        // The thread never got going (nothing was read there): read the file here instead.
        inThread = true;
        yield* sniffed.batches();
        return;
      }
      if (opened.t !== 'open') throw new Error(`CSV worker: ${opened.t} before open`);
      for (;;) {
        const m = await next();
        if (m.t === 'done') {
          digest = m.sha256;
          read = m.read;
          return;
        }
        if (m.t !== 'rows') throw new Error(`CSV worker: unexpected ${m.t}`);
        read = m.read;
        const rows = unpacker.unpack(m);
        w.postMessage({ t: 'taken' } satisfies ToWorker);
        yield rows;
      }
    } finally {
      worker = undefined;
      await w.terminate();
    }
  }

  return {
    encoding: sniffed.encoding,
    bom: sniffed.bom,
    size: sniffed.size,
    bytesRead: () => (inThread ? sniffed.bytesRead() : read),
    batches,
    sha256: () => (inThread ? sniffed.sha256() : digest),
    raw() {
      if (inThread) return;
      const m: ToWorker = { t: 'raw' };
      if (worker) worker.postMessage(m);
      else pendingValidate = m;
    },
    prevalidate(kind, map, refs) {
      if (inThread) return; // read here after all: the main thread checks every row
      unpacker = new RowUnpacker(fastRecordKeys(kind).length);
      const m: ToWorker = { t: 'validate', kind, map, refs };
      if (worker) worker.postMessage(m);
      else pendingValidate = m;
    },
  };
}

function startWorker(url: URL, file: string, encoding: Encoding): Worker {
  return new Worker(url, {
    workerData: { file, encoding } satisfies WorkerInput,
    // The thread holds a few batches only: a 16 MB young generation keeps the import near 230 MB at a
    // million rows (8 MB measured about 20 % slower, 32 MB no faster and 25 MB more).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
}
