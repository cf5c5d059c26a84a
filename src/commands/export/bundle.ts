// inspect export bundle DRAW_ID --out DIR: everything an auditor needs to recompute a draw without us.
import type { BundleOptions } from '../../cli/flags.js';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { ALGORITHM_DOC, ALGORITHM_DOC_ZH, VERIFIER_HTML } from '../../io/paths.js';
import { join, resolve } from 'node:path';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import { getDraw, type DrawRow, unknownDrawIn } from '../../io/drawStore.js';
import { drawAssign, getCommitmentFace, type CommitmentFace } from '../../io/commitStore.js';
import { PRACTICE_BANNER } from '../../io/tableExport.js';
import { sha256Hex } from '../../core/canonical.js';
import { commitmentToken, trustedRoots } from '../../io/timestampStore.js';
import { certificatesPem } from '../../core/timestamp.js';
import type { Context } from '../../cli/context.js';
import { ioError, isIoError } from '../../io/db.js';

export const BUNDLE_FILES = [
  'frame.json',
  'inspectors.json',
  'record.json',
  'README.txt',
  'verify.html',
  'algorithm.md',
  '算法说明.md',
] as const;
/**
 * The files a bundle must have to be verified. 算法说明.md came later (0.1.0 bundles do not have it) and
 * is documentation only, so a bundle without it still verifies.
 */
export const REQUIRED_FILES: readonly string[] = BUNDLE_FILES.filter((f) => f !== '算法说明.md');
export const COMMIT_FILES = ['commitment.json', 'beacons.json'] as const;

/** A committed draw's RFC 3161 token and the trusted root(s) that verified it, when it has one. */
export const TIMESTAMP_FILES = ['commitment.tsr', 'tsa-roots.pem'] as const;

export type LoadedDraw = DrawRow & {
  commitment?: CommitmentFace;
  timestamp?: { token: Buffer; rootsDer: Buffer[] };
};

/** A recorded draw with its commitment, if it was committed; a pending commitment is not a draw yet. */
export function loadDrawOrFail(ctx: Context, id: string): LoadedDraw {
  const db = ctx.openDb({ readonly: true });
  try {
    const d = getDraw(db, id);
    // The commitment's text and reveal; its frozen inputs are the draw's own (or read as pieces).
    const c = getCommitmentFace(db, id);
    if (!d) {
      if (c) throw new InspectError(Exit.data, { key: 'E_NOT_REVEALED', params: { id } });
      throw unknownDrawIn(db, id);
    }
    if (!c) return d;
    const tok = commitmentToken(db, id);
    const roots = tok
      ? trustedRoots(db)
          .filter((r) => r.sha256 === tok.root_sha256)
          .map((r) => r.der)
      : [];
    return { ...d, commitment: c, ...(tok ? { timestamp: { token: tok.token, rootsDer: roots } } : {}) };
  } finally {
    db.close();
  }
}

export function runExportBundle(ctx: Context, id: string, opts: BundleOptions) {
  if (!opts.out) throw usageError('E_USAGE', { detail: '--out DIR' });
  const d = loadDrawOrFail(ctx, id);
  const dir = opts.out;
  const files: string[] = [
    ...BUNDLE_FILES,
    ...(d.commitment ? COMMIT_FILES : []),
    ...(d.timestamp ? TIMESTAMP_FILES : []),
  ];
  const ours = [...BUNDLE_FILES, ...COMMIT_FILES, ...TIMESTAMP_FILES] as string[];
  const existing = existsSync(dir) ? readdirSync(dir) : null;
  if (existing && existing.some((f) => ours.includes(f)) && !opts.force)
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: dir } });
  // Replacing a folder is only ever replacing an earlier bundle: a folder holding anything else is not ours.
  if (existing && existing.some((f) => !ours.includes(f)))
    throw new InspectError(Exit.cantCreate, { key: 'E_BUNDLE_FOLDER_NOT_EMPTY', params: { dir } });
  // All or nothing: the whole bundle is built in a folder beside the target and renamed into place, so a
  // full disk or a kill never leaves a partial bundle that looks complete.
  const tmp = `${resolve(dir)}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp, { recursive: true });
    const put = (name: string, data: string | Uint8Array) => writeFileSync(join(tmp, name), data);
    put('frame.json', d.frame);
    // A part at a time: a revealed draw's matching input is its commitment's, 80 MB at 2,000,000 objects.
    const db = ctx.openDb({ readonly: true });
    try {
      putPieces(join(tmp, 'inspectors.json'), drawAssign(db, d)());
    } finally {
      db.close();
    }
    put('record.json', d.record);
    if (d.commitment) {
      put('commitment.json', d.commitment.commitment);
      put('beacons.json', d.commitment.beacons ?? '');
    }
    if (d.timestamp) {
      put('commitment.tsr', d.timestamp.token);
      put('tsa-roots.pem', certificatesPem(d.timestamp.rootsDer));
    }
    put('README.txt', auditorReadme(d));
    // The page and the algorithm travel with the data: the bundle alone is enough to check the draw.
    put('verify.html', verifierPage());
    put('algorithm.md', readFileSync(ALGORITHM_DOC));
    put('算法说明.md', readFileSync(ALGORITHM_DOC_ZH));
    if (existing) {
      const old = `${resolve(dir)}.old-${process.pid}`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof InspectError) throw e;
    if (isIoError(e)) throw ioError(dir, e);
    throw e;
  }
  const result = {
    drawId: d.id,
    dir,
    inputDigest: d.input_digest,
    recordSha256: d.record_sha256,
    files,
    superseded: d.superseded_by ?? null,
    // Always present (null for a plain draw), as docs/json.md shows it: a script reads one shape.
    commitDigest: d.commitment ? d.commitment.commit_digest : null,
  };
  if (ctx.ui.json) ctx.ui.outJson(result);
  else ctx.ui.out(ctx.ui.t('T_BUNDLE_OF_DRAW_WRITTEN', { id: d.id, dir }));
  return result;
}

function putPieces(path: string, pieces: Iterable<Uint8Array>): void {
  const fd = openSync(path, 'w');
  try {
    for (const p of pieces) for (let at = 0; at < p.length;) at += writeSync(fd, p, at, p.length - at);
  } finally {
    closeSync(fd);
  }
}

/** The verifier page as built with the package (npm run build). */
export function verifierPage(): Buffer {
  try {
    return readFileSync(VERIFIER_HTML);
  } catch {
    throw new InspectError(Exit.noInput, {
      key: 'E_FILE_MISSING',
      params: { file: `${VERIFIER_HTML} (npm run build)` },
    });
  }
}

function auditorReadme(d: LoadedDraw): string {
  const superseded = d.superseded_by
    ? `\n注意：本次抽取已被 ${d.superseded_by} 作废，原因：${d.superseded_reason}\n`
    : '';
  // A practice draw says so before anything else: its record carries practice: true.
  const practice = (JSON.parse(d.record) as { practice?: unknown }).practice === true;
  return `${practice ? `${PRACTICE_BANNER}\n\n` : ''}${practice ? '演练' : ''}抽取复核包：${d.id}
${superseded}
本目录可由任何人在任何电脑上独立复核，不需要本系统的数据库。

最简单的复核方法：用浏览器（Chrome、Edge、Firefox、360、QQ 浏览器等）打开本目录中的 verify.html，
选择本目录中的文件（或把整个目录拖进页面）。页面离线运行，不联网、不上传，结果显示“全部一致”或第一处差异。

文件
  frame.json       抽取框（规范化 JSON）：可抽取对象及其所在层、被排除对象及原因、策略比例。
  inspectors.json  执法人员匹配的全部输入（规范化 JSON）。
  record.json      抽取记录：种子、摘要、分配、抽中对象及签号、检查组。
  README.txt       本说明。
  verify.html      离线复核页面（与命令行 inspect verify 使用同一套计算代码）。
  algorithm.md     公开算法全文（英文；inspect-draw/1、inspect-assign/1、inspect-commit/1），可据此自行编程复核。
  算法说明.md      公开算法的中文说明，与 algorithm.md 逐节对应。
${
  d.commitment
    ? `  commitment.json  抽取承诺（inspect-commit/1）：在随机数公开之前固定的全部输入，其 SHA-256 即承诺摘要：
                   ${d.commitment.commit_digest}
  beacons.json     揭示的公共随机数及其证明（drand 签名、彩票号码、现场摇号数字）与由此得到的密钥串（即种子）。
${
  d.timestamp
    ? `  commitment.tsr   对承诺摘要的可信时间戳（RFC 3161），证明承诺在随机源公开之前已经存在。
  tsa-roots.pem    核验该时间戳所用的时间戳机构根证书（审核人也可用自己的：inspect verify 本目录 --trust 根证书.pem）。
`
    : ''
}`
    : ''
}
如何复核
  1. 计算 frame.json 的 SHA-256（如 sha256sum frame.json），应等于 record.json 中的 inputDigest：
     ${d.input_digest}
  2. seedHex = SHA-256( "inspect-draw/1" + 换行 + 种子 + 换行 + inputDigest )，应等于 record.json 中的 seedHex。
     本次种子：${d.seed}
  3. 用 seedrandom 3.0.5（ARC4）以 seedHex 为种子，按 frame.json 中对象的顺序每个对象取一个随机数（签号）。
  4. 按公开算法（本目录 algorithm.md，inspect-draw/1）计算各层抽取数 n，各层按（签号，编号）升序取前 n 个，
     结果应与 record.json 的 allocation 和 selected 完全一致。
  5. 执法人员匹配按 inspect-assign/1（algorithm.md 第 6 节）由 inspectors.json 与 seedHex 重新计算，
     应与 record.json 的 assignments 一致。

${
  d.commitment
    ? `6. 承诺抽取：SHA-256(commitment.json) 应等于 record.json 的 commitDigest；commitment.json 中的 inputDigest、
     assignDigest 应分别等于 frame.json、inspectors.json 的 SHA-256；每个随机源的公开时间应晚于 committedAt；
     drand 签名用 quicknet 公钥验证；彩票号码请与官方开奖公告核对；按 RFC 3797 第 4 节由这些值得到的
     密钥串应等于 record.json 的 seed。
`
    : ''
}
复核页面本身
  本目录 verify.html 的 SHA-256：${sha256Hex(verifierPage())}
  请与 inspect export verifier 打印的摘要、以及抽查任务公告中的“复核页面 verify.html SHA-256”核对：一致才说明页面未被改动。

与公告核对
  record.json 的 SHA-256（抽取记录摘要 recordDigest）：${d.record_sha256}
  应与抽查任务公告中的“抽取记录摘要 recordDigest”一致：一致即证明 record.json 的每个字段（事项、时间等）都是所公示的。
  命令行：inspect verify 本目录 --notice 抽查任务公告.csv

已从源码安装本工具的（见其 README），也可以在命令行一步完成全部检查（无需数据库）：
  inspect verify 本目录
`;
}
