// inspect reveal DRAW_ID --value V…: the public values of a commitment's sources, checked offline
// (inspect-commit/1 §3); when all hold, the draw is recorded from the frozen frame and matching input
// with the key string as its seed. Every attempt is logged, refused or not; a commitment is revealed once.
import type { RevealOptions } from '../flags.js';
import { readRegularText, READ_LIMITS } from '../io/safeRead.js';
import { sourceLabel } from '../core/beacon.js';
import { canonicalJson, sha256Hex } from '../core/canonical.js';
import { beaconsText, checkReveal, COMMIT_ALGORITHM, notYetPublic, type Commitment } from '../core/commitment.js';
import { readFrame } from '../core/frameParse.js';
import { Exit, InspectError, usageError, unknownDraw } from '../core/errors.js';
import type { AssignInput } from '../core/matching.js';
import type { Msg } from '../core/messages.js';
import { nowSeconds, nowWithOffset } from '../io/clock.js';
import { getCommitment, insertReveal, type CommitmentRow } from '../io/commitStore.js';
import { writeTransaction, type Db } from '../io/db.js';
import { getDraw } from '../io/drawStore.js';
import { appendEvent } from '../io/events.js';
import { getPolicy } from '../io/policyStore.js';
import { lateNotices } from '../io/trustFindings.js';
import { currentSettings } from '../io/settingsStore.js';
import { commitmentToken } from '../io/timestampStore.js';
import { askText } from '../io/prompts.js';
import type { Context } from './context.js';
import { failureLines, recordDraw, selectionOf, type DrawOutcome } from './drawRecord.js';

function commitmentOf(db: Db, id: string): CommitmentRow {
  const c = getCommitment(db, id);
  if (!c) {
    if (getDraw(db, id)) throw new InspectError(Exit.data, { key: 'E_NOT_COMMITTED', params: { id } });
    throw unknownDraw(id);
  }
  return c;
}

/** Why this commitment cannot be revealed (already revealed, or voided), or null. */
function closed(c: CommitmentRow): Msg | null {
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
    let values = opts.value ?? [];
    if (values.length === 0) {
      const no = closed(c);
      if (no) throw new InspectError(Exit.data, no);
      // On a terminal, ask for each source by name; without one, the values must come as flags.
      values = [];
      for (const s of commitment.sources)
        values.push(await askText(ui, ui.t('I_ASK_VALUE', { source: sourceLabel(s) }), '--value'));
    }
    if (values.length !== commitment.sources.length)
      throw usageError('E_REVEAL_COUNT', { expected: commitment.sources.length, found: values.length });
    const texts = values.map(readValue);

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

type RevealResult =
  DrawOutcome | { refused: Msg } | { failures: import('../core/matching.js').MatchFailure[]; size: number };

/** Under the write lock, so two reveals at once cannot both record. */
function reveal(ctx: Context, db: Db, id: string, texts: string[]): RevealResult {
  const c = commitmentOf(db, id);
  const commitment = JSON.parse(c.commitment) as Commitment;
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
  const no = closed(c);
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
  const assignText = c.assign_input.toString('utf8');
  const result = recordDraw(ctx, db, {
    ...selectionOf(c.frame, readFrame(c.frame), checked.key),
    seed: checked.key,
    year: commitment.year,
    items: commitment.items,
    departments: commitment.departments,
    window: commitment.window,
    assignText,
    assignInput: JSON.parse(assignText) as AssignInput,
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
