// inspect reveal DRAW_ID --value V…: the public values of a commitment's sources, checked offline
// (inspect-commit/1 §3); when all hold, the draw is recorded from the frozen frame and matching input
// with the key string as its seed. Every attempt is logged, refused or not; a commitment is revealed once.
import type { RevealOptions } from '../../cli/flags.js';
import { readRegularText, READ_LIMITS } from '../../io/safeRead.js';
import { DRAND_RELAYS, sourceLabel, type Source } from '../../core/beacon.js';
import { fetchDrandRound } from '../../io/drandFetch.js';
import { canonicalJson, sha256Hex } from '../../core/canonical.js';
import { beaconsText, checkReveal, COMMIT_ALGORITHM, notYetPublic, type Commitment } from '../../core/commitment.js';
import { readFrame } from '../../core/frameParse.js';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import { scanAssign } from '../../core/assignText.js';
import type { ObjectRow } from '../../core/matching.js';
import type { Msg } from '../../core/messages.js';
import { nowSeconds, nowWithOffset } from '../../io/clock.js';
import {
  frozenAssign,
  getCommitment,
  getCommitmentFace,
  insertReveal,
  type CommitmentFace,
} from '../../io/commitStore.js';
import { writeTransaction, type Db } from '../../io/db.js';
import { getDraw, unknownDrawIn } from '../../io/drawStore.js';
import { appendEvent } from '../../io/events.js';
import { getPolicy } from '../../io/policyStore.js';
import { lateNotices } from '../../io/trustFindings.js';
import { currentSettings } from '../../io/settingsStore.js';
import { commitmentToken } from '../../io/timestampStore.js';
import { askText } from '../../io/prompts.js';
import type { Context } from '../../cli/context.js';
import { parseTimeout } from '../../cli/optionParsers.js';
import { failureLines, recordDraw, selectionOf, type DrawOutcome } from './drawRecord.js';

/** The commitment without its frozen inputs (read only when the reveal records: see reveal below). */
function commitmentOf(db: Db, id: string): CommitmentFace {
  const c = getCommitmentFace(db, id);
  if (!c) {
    if (getDraw(db, id)) throw new InspectError(Exit.data, { key: 'E_NOT_COMMITTED', params: { id } });
    throw unknownDrawIn(db, id);
  }
  return c;
}

/** Why this commitment cannot be revealed (already revealed, or voided), or null. */
function closed(c: CommitmentFace): Msg | null {
  if (c.revealed_at) return { key: 'E_ALREADY_REVEALED', params: { id: c.draw_id, at: c.revealed_at } };
  if (c.superseded_by) return { key: 'E_COMMITMENT_VOIDED', params: { id: c.draw_id, by: c.superseded_by } };
  return null;
}

function readValue(v: string): string {
  if (!v.startsWith('@')) return v;
  return readRegularText(v.slice(1), READ_LIMITS.value);
}

export async function runReveal(ctx: Context, id: string, opts: RevealOptions): Promise<DrawOutcome> {
  const { ui } = ctx;
  const db = ctx.openDb();
  try {
    const c = commitmentOf(db, id);
    const commitment = JSON.parse(c.commitment) as Commitment;
    const given = [...(opts.value ?? [])];
    // Which sources are fetched (--fetch: the drand rounds) and which are typed or given with --value.
    const fetched = new Set(opts.fetch ? commitment.sources.flatMap((s, i) => (s.kind === 'drand' ? [i] : [])) : []);
    const typed = commitment.sources.flatMap((s, i) => (fetched.has(i) ? [] : [{ s, i }]));
    if (given.length === 0 || opts.fetch) {
      const no = closed(c);
      if (no) throw new InspectError(Exit.data, no);
      // Before asking for anything or going online: a source that is not public yet has no value to give.
      const waiting = notYetPublic(commitment, nowSeconds());
      if (waiting.length)
        throw new InspectError(
          Exit.data,
          { key: 'E_REVEAL_NOT_YET', params: { id, count: waiting.length } },
          waiting.map((s) => ({ key: 'I_SOURCE_NOT_PUBLIC', params: { source: sourceLabel(s), at: s.publicAt } })),
        );
    }
    if (given.length === 0 && typed.length > 0) {
      // On a terminal, ask for each source by name; without one, the values must come as flags.
      for (const { s } of typed)
        given.push(await askText(ui, ui.t('I_ASK_VALUE', { source: sourceLabel(s) }), '--value'));
    }
    if (given.length !== typed.length)
      throw usageError('E_REVEAL_COUNT', { expected: typed.length, found: given.length });
    const texts: string[] = new Array<string>(commitment.sources.length);
    typed.forEach(({ i }, k) => (texts[i] = readValue(given[k]!)));
    for (const i of fetched) texts[i] = await fetchRound(ctx, commitment.sources[i]!, opts);

    const outcome = await writeTransaction(db, ctx.dbPath, () => reveal(ctx, db, id, texts));
    if ('refused' in outcome) throw new InspectError(Exit.data, outcome.refused);
    if ('failures' in outcome) {
      // Cannot happen for a commitment that passed its matching check; reported, never hidden.
      throw new InspectError(
        Exit.data,
        { key: 'E_MATCH_FAILED', params: { count: outcome.failures.length, size: outcome.size } },
        failureLines(outcome.failures),
      );
    }
    if (ui.json) ui.outJson(outcome);
    else ui.out(ui.t('I_REVEALED', { id, n: outcome.selectedCount, seed: outcome.seed }));
    // The notice is what proves the commitment came first: said now if it was not out in time.
    for (const late of lateNotices(db, nowSeconds(), id)) ui.warn('W_NOTICE_LATE', { id, at: late.firstPublicAt });
    return outcome;
  } finally {
    db.close();
  }
}

/** A drand source's value from the relays (--fetch), checked offline before it is used; exit 69 when none has it. */
async function fetchRound(ctx: Context, s: Source, opts: RevealOptions): Promise<string> {
  if (s.kind !== 'drand') throw new Error('only drand rounds are fetched');
  const seconds = parseTimeout(opts.timeout, 10);
  const relays = opts.relay?.length ? opts.relay.map((r) => parseRelay(r)) : DRAND_RELAYS;
  const got = await fetchDrandRound(s.round, relays, seconds * 1000);
  if (!got.ok)
    throw new InspectError(
      Exit.unavailable,
      { key: 'E_RELAYS_FAILED', params: { round: s.round, count: got.failures.length } },
      got.failures.map((f) => ({ key: 'T_RELAY_FAILURE', params: { relay: f.relay, reason: f.reason } })),
    );
  ctx.ui.info('I_FETCHED_ROUND', { round: s.round, relay: got.relay });
  return got.text;
}

function parseRelay(v: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(v))
    throw usageError('E_BAD_OPTION', { flag: '--relay', value: v, reason: 'http(s)://…' });
  return v;
}

type RevealResult =
  DrawOutcome | { refused: Msg } | { failures: import('../../core/matching.js').MatchFailure[]; size: number };

/** Under the write lock, so two reveals at once cannot both record. */
function reveal(ctx: Context, db: Db, id: string, texts: string[]): RevealResult {
  const face = commitmentOf(db, id);
  const commitment = JSON.parse(face.commitment) as Commitment;
  const at = nowWithOffset();
  const valuesDigest = sha256Hex(canonicalJson(texts.map((t) => t.trim())));
  const refuse = (msg: Msg): RevealResult => {
    appendEvent(db, {
      at,
      operator: ctx.operator,
      action: 'reveal.refused',
      summary: { key: 'L_REVEAL_REFUSED', params: { id, why: msg, valuesDigest } },
      payloadSha256: valuesDigest,
      ref: `reveal-attempt:${id}`,
    });
    return { refused: msg };
  };
  const no = closed(face);
  if (no) return refuse(no);
  // The office may require an outside clock: no reveal before a valid token shows the commitment came first.
  if (currentSettings(db)['commit.timestamp'] === 'required' && !commitmentToken(db, id))
    return refuse({ key: 'E_TS_REQUIRED', params: { id } });
  const now = nowSeconds();
  const early = notYetPublic(commitment, now)[0];
  if (early) {
    return refuse({ key: 'E_REVEAL_EARLY', params: { source: sourceLabel(early), at: early.publicAt, now: at } });
  }
  const checked = checkReveal(commitment, texts);
  if (!checked.ok) {
    return refuse({
      key: 'E_REVEAL_INVALID',
      params: { index: checked.index + 1, source: sourceLabel(checked.source), reason: checked.error },
    });
  }
  // The frozen inputs must be the committed ones, byte for byte: changed behind the tool's back (the
  // sqlite3 shell) they would steer the draw, so the reveal is refused, and logged, instead.
  // Now its frozen inputs, once (at 10,000,000 objects the frame and snapshot are 400 MB).
  const c = getCommitment(db, id)!;
  const changed = (what: string, expected: string, found: string): RevealResult =>
    refuse({ key: 'E_FROZEN_CHANGED', params: { id, what, expected, found } });
  if (sha256Hex(c.commitment) !== c.commit_digest)
    return changed('commitment.json', c.commit_digest, sha256Hex(c.commitment));
  const frameDigest = sha256Hex(c.frame);
  if (frameDigest !== commitment.inputDigest) return changed('frame.json', commitment.inputDigest, frameDigest);
  // The selection first; then of the frozen matching input only the selected objects' rows are kept,
  // read a part at a time and hashed as they come (the record's assignDigest is of the stored bytes).
  const selection = selectionOf(c.frame, readFrame(c.frame), checked.key);
  const selected = selection.computed.selected.map((x) => x.id);
  const scan = scanAssign(frozenAssign(db, c)(), new Set(selected));
  if (scan.digest !== commitment.assignDigest) return changed('inspectors.json', commitment.assignDigest, scan.digest);
  const objects: ObjectRow[] = [];
  for (const s of selected) {
    const row = scan.rows.get(s);
    if (row) objects.push(row);
  }
  // Its digest holds but it cannot be read as the tool writes it: never the case for what the tool froze.
  if (!scan.head || objects.length !== selected.length)
    return refuse({ key: 'E_FROZEN_ASSIGN_UNREADABLE', params: { id, detail: scan.why || 'objects' } });
  const result = recordDraw(ctx, db, {
    ...selection,
    seed: checked.key,
    year: commitment.year,
    items: commitment.items,
    departments: commitment.departments,
    window: commitment.window,
    assignDigest: scan.digest,
    // The revealed draw's matching input is its commitment's frozen one, stored there once.
    assignStored: '',
    assignInput: { ...scan.head, objects },
    snapshot: { digest: c.roster_digest, deflated: c.snapshot },
    supersedes: c.supersedes,
    reason: c.reason,
    leadDepartment: c.lead_department,
    categories: JSON.parse(c.categories) as string[],
    regions: JSON.parse(c.regions) as string[],
    crossRegion: c.cross_region === 1,
    commitDigest: c.commit_digest,
    // The revealed draw ran under the policy its commitment stored; its record is practice if that was.
    policyText: getPolicy(db, `commitments:${id}`)?.policy ?? null,
    practice: commitment.practice === true,
    action: 'reveal',
    note: {
      key: 'L_REVEAL_NOTE',
      params: { commitDigest: c.commit_digest, sources: checked.beacons.map(sourceLabel).join(', ') },
    },
    alsoWrite: () =>
      insertReveal(
        db,
        id,
        beaconsText({
          algorithm: COMMIT_ALGORITHM,
          drawId: id,
          commitDigest: c.commit_digest,
          sources: checked.beacons,
          key: checked.key,
          clockOverridden: c.clock_overridden === 1,
        }),
        at,
        ctx.operator,
      ),
  });
  return result;
}
