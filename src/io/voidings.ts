// Every voiding on record, classified as the binding rules see it (commit-spec §7): read by `draws`,
// `report`, `audit` and the commitment notice, so all of them name the same voidings the same way.
import { parseInstant, sourceLabel, type Source } from '../core/beacon.js';
import type { Msg, MessageKey } from '../core/messages.js';
import { supersedeTargetOf, voidingKind, type VoidingKind } from '../core/supersede.js';
import type { Db } from './db.js';

export interface Voiding {
  superseded: string;
  by: string;
  reason: string;
  kind: VoidingKind;
  /** The voided commitment's sources (empty for a plain draw). */
  sources: Source[];
  /** When the voiding draw or commitment was made. */
  at: string;
  /** Whether the voiding is itself a committed draw. */
  byCommitted: boolean;
}

/** Every voiding on record, or only the one made by draw or commitment `by`. */
export function listVoidings(db: Db, by?: string): Voiding[] {
  const rows = db
    .prepare(
      `SELECT s.superseded, s.by_id AS by, coalesce(s.reason, '') AS reason,
         (SELECT commitment FROM commitments c WHERE c.draw_id = s.superseded) AS target_commitment,
         EXISTS (SELECT 1 FROM draws d WHERE d.id = s.superseded) AS target_is_draw,
         coalesce((SELECT created_at FROM commitments c WHERE c.draw_id = s.by_id),
                  (SELECT created_at FROM draws d WHERE d.id = s.by_id)) AS at,
         EXISTS (SELECT 1 FROM commitments c WHERE c.draw_id = s.by_id) AS by_committed
       FROM supersessions s WHERE @by IS NULL OR s.by_id = @by ORDER BY at, s.superseded`,
    )
    .all({ by: by ?? null }) as {
    superseded: string;
    by: string;
    reason: string;
    target_commitment: string | null;
    target_is_draw: number;
    at: string | null;
    by_committed: number;
  }[];
  return rows.map((r) => {
    const target = supersedeTargetOf(r.superseded, r.target_is_draw === 1, r.target_commitment);
    const at = r.at ?? '';
    return {
      superseded: r.superseded,
      by: r.by,
      reason: r.reason,
      kind: voidingKind(target, parseInstant(at) ?? Infinity),
      sources: sourcesOf(r.target_commitment),
      at,
      byCommitted: r.by_committed === 1,
    };
  });
}

/** A commitment's sources from its text (none when it is unreadable: the audit reports that). */
function sourcesOf(text: string | null): Source[] {
  if (!text) return [];
  const t = supersedeTargetOf('', false, text);
  return t.kind === 'pending' ? t.sources : [];
}

/** What a notice says about the draw it voids: its id, what it was, its sources and the reason. */
export function voidedParams(v: Voiding): Msg['params'] {
  const kind = (
    {
      plain: 'N_VOIDED_KIND_PLAIN',
      pending: 'N_VOIDED_KIND_PENDING',
      unavailable: 'N_VOIDED_KIND_UNAVAILABLE',
      revealed: 'N_VOIDED_KIND_REVEALED',
    } as const satisfies Record<typeof v.kind, MessageKey>
  )[v.kind];
  return {
    id: v.superseded,
    kind: { key: kind },
    sources: v.sources.length ? v.sources.map(sourceLabel).join('、') : '—',
    reason: v.reason,
  };
}
