// Binding rules for voiding (commit-spec §7): once any source of a commitment is public, the office can
// no longer choose between outcomes. Pure: the target's kind and sources, the new draw's kind and now.
import { parseInstant, sourceLabel, type Source } from './beacon.js';
import type { Msg, MessageKey } from './messages.js';

export type SupersedeTarget =
  /** A commitment not yet revealed nor voided. */
  | { kind: 'pending'; id: string; sources: Source[] }
  /** A draw recorded by revealing a commitment. */
  | { kind: 'revealed'; id: string }
  /** A plain (seeded) draw. */
  | { kind: 'plain'; id: string };

/**
 * What a draw id names, as the binding rules see it: a commitment not revealed (its sources parsed from
 * its text), a draw revealed from one, or a plain draw.
 */
export function supersedeTargetOf(id: string, isDraw: boolean, commitmentText: string | null): SupersedeTarget {
  if (commitmentText === null) return { kind: 'plain', id };
  if (isDraw) return { kind: 'revealed', id };
  let sources: Source[] = [];
  try {
    sources = (JSON.parse(commitmentText) as { sources?: Source[] }).sources ?? [];
  } catch {
    /* an unreadable commitment: audit reports it; treated as having no public source */
  }
  return { kind: 'pending', id, sources };
}

export interface SupersedeBy {
  committed: boolean;
  sourceUnavailable: boolean;
}

export type SupersedeVerdict = { ok: true; afterPublic: boolean } | { ok: false; usage: boolean; error: Msg };

const publicBy = (s: Source, now: number) => (parseInstant(s.publicAt) ?? Infinity) <= now;

/** The sources of a commitment already public at `now`. */
export function publicSources(sources: Source[], now: number): Source[] {
  return sources.filter((s) => publicBy(s, now));
}

/**
 * Whether `by` may void `target` at `now`. A plain draw never voids a commitment or a draw revealed from
 * one; a pending commitment is voided freely only while none of its sources is public; after that only a
 * lottery or witness source that did not take place (--source-unavailable) lets a new commitment void it.
 */
export function supersedeVerdict(target: SupersedeTarget, by: SupersedeBy, now: number): SupersedeVerdict {
  const refuse = (key: MessageKey, params: Msg['params'] = {}): SupersedeVerdict => ({
    ok: false,
    usage: false,
    error: { key, params: { id: target.id, ...params } },
  });
  if (target.kind === 'plain') {
    if (by.sourceUnavailable) return { ok: false, usage: true, error: { key: 'E_SOURCE_UNAVAILABLE_NOT_PENDING' } };
    return { ok: true, afterPublic: false };
  }
  if (!by.committed)
    return refuse(target.kind === 'pending' ? 'E_SUPERSEDE_COMMIT_PLAIN' : 'E_SUPERSEDE_REVEALED_PLAIN');
  if (target.kind === 'revealed') {
    if (by.sourceUnavailable) return { ok: false, usage: true, error: { key: 'E_SOURCE_UNAVAILABLE_NOT_PENDING' } };
    return { ok: true, afterPublic: true };
  }
  const pub = publicSources(target.sources, now);
  if (pub.length === 0) {
    if (by.sourceUnavailable)
      return { ok: false, usage: true, error: { key: 'E_SOURCE_UNAVAILABLE_EARLY', params: { id: target.id } } };
    return { ok: true, afterPublic: false };
  }
  const names = pub.map(sourceLabel).join('、');
  if (!by.sourceUnavailable) return refuse('E_SUPERSEDE_PUBLIC', { sources: names });
  const missable = pub.filter((s) => s.kind !== 'drand');
  if (missable.length === 0) return refuse('E_SUPERSEDE_DRAND_ONLY', { sources: names });
  return { ok: true, afterPublic: true };
}

/** How a voiding reads in listings, notices and the audit. */
export type VoidingKind = 'plain' | 'pending' | 'unavailable' | 'revealed';

/**
 * The kind of a recorded voiding, from what was voided and when: a commitment voided at or after one of
 * its sources' public time can only have been voided as "source unavailable" (or behind the tool's back).
 */
export function voidingKind(target: SupersedeTarget, voidedAt: number): VoidingKind {
  if (target.kind !== 'pending') return target.kind;
  return publicSources(target.sources, voidedAt).length ? 'unavailable' : 'pending';
}
