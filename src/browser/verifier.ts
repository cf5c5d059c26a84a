// The auditor's verifier page (verify.html): the bundle's files chosen or dropped, every part recomputed
// with the very core code `inspect verify` runs (bundled, not rewritten), each part shown as match or the
// first difference. Nothing is sent anywhere (the page's CSP allows no connection at all). For scripts and
// tests: document.body.dataset.verdict is `pass` or `fail` when done; each check row has data-check and
// data-ok.
import { parseInstant, sourceLabel } from '../core/beacon.js';
import type { Commitment } from '../core/commitment.js';
import type { DrawRecord } from '../core/record.js';
import { unprovableFields, verifyBundle, type Check } from '../core/verify.js';
import { TEXT } from './pageText.js';
import { bundleBytesProblem } from '../core/jsonSafety.js';
import { sha256Hex } from '../core/canonical.js';
import { commitmentTimestamp, pemCertificates } from '../core/timestamp.js';
import { render as renderMsg } from '../core/messages.js';
import { fieldList } from '../core/fieldNames.js';

type Lang = 'zh' | 'en';

let lang: Lang = /^en/i.test(new URLSearchParams(location.search).get('lang') ?? '') ? 'en' : 'zh';
let last: Picked[] = [];
const t = (k: string) => TEXT[k]?.[lang] ?? k;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c); // text nodes: file content is never parsed as HTML
  return e;
}

function applyLanguage(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of document.querySelectorAll<HTMLElement>('[data-t]')) e.textContent = t(e.dataset.t!);
  $('lang').textContent = t('lang');
  document.title = t('title');
}

const NEEDED = ['record.json', 'frame.json', 'inspectors.json'];
const COMMIT = ['commitment.json', 'beacons.json'];
/** A committed draw's RFC 3161 token and the roots that verify it, when the bundle has them. */
const TIMESTAMP = ['commitment.tsr', 'tsa-roots.pem'];

/** A chosen or dropped file with its path relative to what was chosen (`record.json`, `bundle/record.json`). */
interface Picked {
  file: File;
  path: string;
}

/**
 * The bundle's top-level files by name, as bytes: a folder's sub-folders are ignored (a genuine copy in
 * a subfolder must not replace a forged top-level file), and two top-level files of one name are an
 * error. Bytes, not text: the browser would drop a byte-order mark before hashing, the CLI would not.
 */
async function readFiles(picked: Picked[]): Promise<Map<string, Uint8Array>> {
  const byName = new Map<string, Uint8Array>();
  for (const { file, path } of picked) {
    const parts = path.split(/[\\/]/).filter(Boolean);
    if (parts.length > 2) continue;
    const name = parts[parts.length - 1] ?? file.name;
    if (![...NEEDED, ...COMMIT, ...TIMESTAMP].includes(name)) continue;
    if (byName.has(name)) throw new Error(`${t('duplicate')}${name}`);
    byName.set(name, new Uint8Array(await file.arrayBuffer()));
  }
  return byName;
}

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

interface Outcome {
  checks: (Check | { name: string; ok: boolean; detail: string })[];
  record: DrawRecord | null;
  commitment: Commitment | null;
  lotteries: string[];
  clockOverridden: boolean;
  practice: boolean;
  /** A committed draw without commitment.tsr: its order rests on the operator's clock. */
  noTimestamp: boolean;
  /** SHA-256 of record.json's bytes: what the task notice prints as 抽取记录摘要 recordDigest. */
  recordDigest: string | null;
}

function verify(files: Map<string, Uint8Array>): Outcome {
  const fail = (detail: string): Outcome => ({
    checks: [{ name: 'files', ok: false, detail }],
    record: null,
    commitment: null,
    lotteries: [],
    clockOverridden: false,
    practice: false,
    noTimestamp: false,
    recordDigest: null,
  });
  // The same refusals as `inspect verify DIR`: a byte-order mark, absurd nesting.
  for (const [name, bytes] of files) {
    if (!name.endsWith('.json')) continue;
    const problem = bundleBytesProblem(name, bytes);
    if (problem) return fail(renderMsg(problem, lang));
  }
  const recordBytes = files.get('record.json');
  if (recordBytes === undefined) return fail(`${t('missing')}record.json`);
  const recordText = decode(recordBytes);
  let record: DrawRecord;
  try {
    record = JSON.parse(recordText) as DrawRecord;
  } catch (e) {
    return fail(`record.json ${t('notJson')}${(e as Error).message}`);
  }
  const committed = record.commitDigest !== undefined || COMMIT.some((f) => files.has(f));
  // The same rule as `inspect verify DIR`: every file the draw needs must be there.
  const missing = [...NEEDED, ...(committed ? COMMIT : [])].filter((f) => !files.has(f));
  if (missing.length) return { ...fail(`${t('missing')}${missing.join(', ')}`), record };
  const commitmentBytes = files.get('commitment.json');
  const commitmentText = commitmentBytes && decode(commitmentBytes);
  const v = verifyBundle({
    frameText: files.get('frame.json')!,
    record,
    // Read a megabyte at a time, keeping only the selected objects' rows (core/assignText.ts).
    assign: () => [files.get('inspectors.json')!],
    lang,
    ...(committed
      ? { commit: { commitmentText: commitmentText!, beaconsText: decode(files.get('beacons.json')!) } }
      : {}),
  });
  let commitment: Commitment | null;
  try {
    commitment = commitmentText ? (JSON.parse(commitmentText) as Commitment) : null;
  } catch {
    commitment = null;
  }
  return {
    checks: [{ name: 'files', ok: true, detail: [...files.keys()].sort().join(', ') }, ...v.checks],
    record,
    commitment,
    lotteries: v.lotteries,
    clockOverridden: v.clockOverridden,
    practice: v.practice,
    noTimestamp: committed && !files.has('commitment.tsr'),
    recordDigest: sha256Hex(recordBytes),
  };
}

/** The committed draw's token, checked exactly as `inspect verify DIR` checks it (asynchronous: WebCrypto). */
async function withTimestamp(o: Outcome, files: Map<string, Uint8Array>): Promise<Outcome> {
  const token = files.get('commitment.tsr');
  const commitmentBytes = files.get('commitment.json');
  if (!token || !commitmentBytes || !o.commitment) return o;
  const t = await commitmentTimestamp({
    tokenBytes: token,
    roots: pemCertificates(decode(files.get('tsa-roots.pem') ?? new Uint8Array())),
    commitDigest: sha256Hex(decode(commitmentBytes)),
    sourceTimes: (o.commitment.sources ?? []).map((x) => ({ at: parseInstant(x.publicAt) ?? 0, text: x.publicAt })),
  });
  return { ...o, checks: [...o.checks, { name: 'timestamp', ok: t.ok, detail: renderMsg(t.detail, lang) }] };
}

function render(o: Outcome, seconds: number): void {
  const ok = o.checks.every((c) => c.ok);
  const out = $('results');
  out.replaceChildren();
  // A practice draw says so first, in the colour of a warning, above the checks (which all still run).
  if (o.practice) out.append(el('p', { id: 'practice' }, t('practice')));
  $('verdict').textContent = `${t(ok ? 'pass' : 'fail')}  (${t('seconds').replace('{s}', seconds.toFixed(2))})`;
  const table = el(
    'table',
    { id: 'checks' },
    el('tr', {}, el('th', {}, t('part')), el('th', {}, t('result')), el('th', {}, t('detail'))),
  );
  for (const c of o.checks) {
    table.append(
      el(
        'tr',
        { 'data-check': c.name, 'data-ok': String(c.ok) },
        el('td', {}, t(c.name === 'seed' ? 'seedCheck' : c.name)),
        el('td', { class: 'mark' }, t(c.ok ? 'match' : 'mismatch')),
        el('td', { class: 'detail' }, c.detail),
      ),
    );
  }
  out.append(table);
  const r = o.record;
  if (r) {
    out.append(el('h2', {}, t('summary')));
    const rows: [string, string][] = [
      ['drawId', String(r.drawId)],
      ['items', (r.items ?? []).join('、')],
      ['year', String(r.year)],
      ['window', r.window ? `${r.window.start} — ${r.window.end}` : ''],
      ['seed', JSON.stringify(r.seed)],
      ['inputDigest', String(r.inputDigest)],
      ...(r.commitDigest ? [['commitDigest', r.commitDigest] as [string, string]] : []),
      ...(o.recordDigest ? [['recordDigest', o.recordDigest] as [string, string]] : []),
      ['selected', String(r.selected?.length ?? '')],
      ['teams', String(r.assignments?.length ?? '')],
      [
        'strata',
        Object.keys(r.allocation?.N ?? {})
          .sort()
          .map((h) => `${h}: ${r.allocation.n[h]}/${r.allocation.N[h]}`)
          .join('  '),
      ],
      ...(o.commitment
        ? [
            ['sources', (o.commitment.sources ?? []).map((s) => `${sourceLabel(s)} @ ${s.publicAt}`).join('; ')] as [
              string,
              string,
            ],
          ]
        : []),
    ];
    const summary = el('table', { id: 'summary' });
    for (const [k, v] of rows)
      summary.append(el('tr', { 'data-field': k }, el('th', {}, t(k)), el('td', { class: 'detail' }, v)));
    out.append(summary);
    if (o.lotteries.length)
      out.append(el('p', {}, t('lotteries')), el('ul', {}, ...o.lotteries.map((l) => el('li', {}, l))));
    const unprovable = unprovableFields(o.commitment !== null);
    out.append(el('p', { class: 'note' }, t('unprovable') + fieldList(unprovable, lang)));
    if (o.clockOverridden) out.append(el('p', { class: 'note', id: 'clock' }, t('clock')));
    if (o.noTimestamp)
      out.append(el('p', { class: 'note', id: 'no-timestamp' }, renderMsg({ key: 'W_NO_TIMESTAMP' }, lang)));
  }
  document.body.dataset.verdict = ok ? 'pass' : 'fail';
}

async function run(files: Picked[]): Promise<void> {
  last = files;
  delete document.body.dataset.verdict;
  $('status').textContent = t('reading');
  // Let the status paint before the (synchronous) recomputation.
  await new Promise((r) => setTimeout(r, 20));
  const t0 = performance.now();
  let outcome: Outcome;
  try {
    const read = await readFiles(files);
    outcome = await withTimestamp(verify(read), read);
  } catch (e) {
    outcome = {
      checks: [{ name: 'files', ok: false, detail: (e as Error).message }],
      record: null,
      commitment: null,
      lotteries: [],
      clockOverridden: false,
      practice: false,
      noTimestamp: false,
      recordDigest: null,
    };
  }
  $('status').textContent = '';
  render(outcome, (performance.now() - t0) / 1000);
}

/**
 * Files from a drop, folders walked (webkitGetAsEntry: Chrome, Edge, Firefox and the 360/QQ browsers);
 * where entries are not available, the dropped files themselves.
 */
async function dropped(dt: DataTransfer): Promise<Picked[]> {
  const items = dt.items;
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile)
      out.push({
        file: await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)),
        path: entry.fullPath,
      });
    else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  const entries = [...items]
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  for (const e of entries) await walk(e);
  return out.length ? out : [...dt.files].map((file) => ({ file, path: file.name }));
}

function start(): void {
  applyLanguage();
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
    if (last.length) void run(last);
  });
  for (const id of ['files', 'folder']) {
    $<HTMLInputElement>(id).addEventListener(
      'change',
      (e) =>
        void run(
          [...((e.target as HTMLInputElement).files ?? [])].map((file) => ({
            file,
            // A folder's files carry their path from the chosen folder; single files only their name.
            path: file.webkitRelativePath || file.name,
          })),
        ),
    );
  }
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer) void dropped(e.dataTransfer).then(run);
  });
}

start();
