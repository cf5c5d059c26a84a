// The audit of the binding rules (commit-spec §7): settings against their log entries and who lowered a
// protection, plain draws made while committed draws were required, the log's clock going backwards,
// every voiding classified, and each stored policy against its digest.
import type { StoredEvent } from '../core/chain.js';
import { parseInstant, sourceLabel } from '../core/beacon.js';
import { canonicalJson, sha256Hex } from '../core/canonical.js';
import type { Msg } from '../core/messages.js';
import { defaultSettings, lowersProtection, type SettingValue } from '../core/settings.js';
import { isPracticeDb, type Db } from './db.js';
import { allPolicies } from './policyStore.js';
import { settingRows } from './settingsStore.js';
import { listVoidings } from './voidings.js';
import { lateNotices, rosterFlips } from './trustFindings.js';
import { nowSeconds } from './clock.js';

/** Ten minutes: clocks of two computers of one office may disagree a little, never by more. */
export const CLOCK_SLACK_SECONDS = 600;

export interface BindingAudit {
  name: string;
  checked: number;
  problems: Msg[];
}

function parseValue(v: string): SettingValue | undefined {
  try {
    const x = JSON.parse(v) as unknown;
    return typeof x === 'boolean' || typeof x === 'number' || typeof x === 'string' ? x : undefined;
  } catch {
    return undefined;
  }
}

export function auditBinding(
  db: Db,
  events: StoredEvent[],
  byRef: Map<string, StoredEvent>,
  warnings: Msg[],
): BindingAudit {
  const s: BindingAudit = { name: 'binding', checked: 0, problems: [] };
  const p = (m: Msg) => s.problems.push(m);

  // Settings: every row logged, readable; the practice mark only as the database's first entry.
  const rows = settingRows(db);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  for (const r of rows) {
    s.checked++;
    const ev = byRef.get(`settings:${r.seq}`);
    if (!ev) p({ key: 'A_SETTING_UNLOGGED', params: { seq: r.seq, key: r.key } });
    if (parseValue(r.value) === undefined)
      p({ key: 'A_SETTING_VALUE', params: { seq: r.seq, key: r.key, value: r.value } });
    if (r.key === 'practice' && ev?.seq !== 1) p({ key: 'A_PRACTICE_LATE', params: { seq: r.seq } });
  }

  // The log in order: the clock never runs back, a lowered protection is named, and no plain draw was
  // recorded while committed draws were required.
  const state: Record<string, SettingValue> = defaultSettings();
  const practice = isPracticeDb(db);
  let prev: StoredEvent | undefined;
  for (const e of events) {
    const t = parseInstant(e.at);
    const pt = prev ? parseInstant(prev.at) : null;
    // On a practice database the clock is set by hand (INSPECT_NOW): a jump back is noted, not a failure.
    if (prev && t !== null && pt !== null && t < pt - CLOCK_SLACK_SECONDS)
      (practice ? (m: Msg) => warnings.push(m) : p)({
        key: 'A_CLOCK_BACKWARDS',
        params: { seq: e.seq, at: e.at, prev: prev.seq, prevAt: prev.at, minutes: Math.round((pt - t) / 60) },
      });
    prev = e;
    if (e.ref.startsWith('settings:')) {
      const r = bySeq.get(Number(e.ref.slice('settings:'.length)));
      const to = r ? parseValue(r.value) : undefined;
      if (r && to !== undefined) {
        const from = state[r.key];
        if (from !== undefined && lowersProtection(r.key, from, to))
          warnings.push({
            key: 'A_PROTECTION_LOWERED',
            params: {
              at: r.at,
              operator: r.operator,
              key: r.key,
              from: canonicalJson(from),
              to: canonicalJson(to),
              reason: r.reason ?? '',
            },
          });
        state[r.key] = to;
      }
    }
    if (
      e.ref.startsWith('draws:') &&
      (e.action === 'draw' || e.action === 'draw.supersede') &&
      state['commit.required'] === true
    )
      p({ key: 'A_PLAIN_DRAW_REQUIRED_COMMIT', params: { id: e.ref.slice('draws:'.length) } });
  }

  // Voidings: a commitment voided after its sources were due, or a revealed draw voided, is named for
  // ever; one that broke the rules (a plain draw voiding a commitment, drand "unavailable") fails the
  // audit when it was made under these rules (it stored its policy), and is named otherwise.
  const withPolicy = new Set(allPolicies(db).map((r) => r.ref));
  for (const v of listVoidings(db)) {
    s.checked++;
    const sources = v.sources.map(sourceLabel).join('、');
    const base = { id: v.superseded, by: v.by, reason: v.reason, sources };
    const underRules = withPolicy.has(`draws:${v.by}`) || withPolicy.has(`commitments:${v.by}`);
    const broke = (why: Msg) => {
      const m: Msg = { key: 'A_SUPERSEDE_BROKE_RULES', params: { id: v.superseded, by: v.by, why } };
      if (underRules) p(m);
      else warnings.push(m);
    };
    if (v.kind === 'unavailable') {
      warnings.push({ key: 'A_VOIDED_AFTER_PUBLIC', params: base });
      if (!v.byCommitted) broke({ key: 'E_SUPERSEDE_COMMIT_PLAIN', params: { id: v.superseded } });
      else if (
        v.sources.every((x) => x.kind === 'drand' || (parseInstant(x.publicAt) ?? Infinity) > (parseInstant(v.at) ?? 0))
      )
        broke({ key: 'E_SUPERSEDE_DRAND_ONLY', params: { id: v.superseded, sources } });
    } else if (v.kind === 'revealed') {
      warnings.push({ key: 'A_REVEALED_DRAW_VOIDED', params: base });
      if (!v.byCommitted) broke({ key: 'E_SUPERSEDE_REVEALED_PLAIN', params: { id: v.superseded } });
    } else if (v.kind === 'pending' && !v.byCommitted)
      broke({ key: 'E_SUPERSEDE_COMMIT_PLAIN', params: { id: v.superseded } });
  }

  // A commitment notice exported only after the first source was public (or never) proves nothing.
  for (const l of lateNotices(db, nowSeconds()))
    warnings.push({
      key: 'A_NOTICE_LATE',
      params: {
        id: l.drawId,
        at: l.firstPublicAt,
        exported: l.firstExportAt
          ? { key: 'A_NOTICE_FIRST_AT', params: { at: l.firstExportAt } }
          : { key: 'A_NOTICE_NEVER' },
      },
    });

  // A firm taken out of scope just before a draw and brought back just after it.
  for (const f of rosterFlips(db)) warnings.push({ key: 'A_ROSTER_FLIP', params: { ...f } });

  // Trusted roots, time-stamp requests and tokens: each row written with its log entry (their cells are
  // covered by the entries' row digests; the tokens themselves are checked again by auditTimestamps).
  for (const [table, prefix] of [
    ['tsa_roots', 'tsa-roots'],
    ['timestamp_requests', 'timestamp-requests'],
    ['timestamp_tokens', 'timestamp-tokens'],
  ] as const) {
    for (const seq of db.prepare(`SELECT seq FROM ${table} ORDER BY seq`).pluck().all() as number[]) {
      s.checked++;
      if (!byRef.has(`${prefix}:${seq}`)) p({ key: 'A_ROW_UNLOGGED', params: { table, seq } });
    }
  }

  // Stored policies: content against digest, and each for a draw or commitment that exists.
  for (const r of allPolicies(db)) {
    s.checked++;
    const computed = sha256Hex(r.policy);
    if (computed !== r.policy_sha256)
      p({ key: 'A_POLICY_HASH', params: { ref: r.ref, stored: r.policy_sha256, computed } });
    const [table, id] = [r.ref.slice(0, r.ref.indexOf(':')), r.ref.slice(r.ref.indexOf(':') + 1)];
    const exists =
      table === 'draws'
        ? db.prepare('SELECT 1 FROM draws WHERE id = ?').get(id)
        : table === 'commitments'
          ? db.prepare('SELECT 1 FROM commitments WHERE draw_id = ?').get(id)
          : undefined;
    if (!exists || !byRef.has(r.ref))
      p({ key: 'A_ORPHANS', params: { what: { key: 'A_ORPHAN_POLICIES' }, value: r.ref } });
  }
  return s;
}
