// Fetching a drand round from the relays (`inspect reveal ID --fetch`): the network only carries the
// value; it is checked offline against the pinned quicknet key before it is used, so a relay (or anyone
// between) can make a fetch fail but can never make a wrong value count. Relays are tried in order.
import { DRAND_QUICKNET, DRAND_RELAYS, parseDrandValue } from '../core/beacon.js';

export interface RelayFailure {
  relay: string;
  reason: string;
}

export type Fetched = { ok: true; text: string; relay: string } | { ok: false; failures: RelayFailure[] };

const MAX_BODY = 4096;

/** The body as text, or null once it passes `limit` bytes (the rest is never read: the stream is cancelled). */
async function bodyUpTo(res: Response, limit: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The round's relay JSON from the first relay that answers with a value that verifies. */
export async function fetchDrandRound(
  round: number,
  relays: readonly string[] = DRAND_RELAYS,
  timeoutMs = 10_000,
): Promise<Fetched> {
  const failures: RelayFailure[] = [];
  for (const relay of relays) {
    const url = `${relay.replace(/\/+$/, '')}/${DRAND_QUICKNET.chainHash}/public/${round}`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      if (!res.ok) {
        failures.push({ relay, reason: `HTTP ${res.status}` });
        continue;
      }
      // A round's JSON is a few hundred bytes: anything much larger is not one, and is not read on.
      const text = await bodyUpTo(res, MAX_BODY);
      if (text === null) {
        failures.push({ relay, reason: `> ${MAX_BODY} bytes` });
        continue;
      }
      const checked = parseDrandValue(round, text);
      if (!checked.ok) {
        failures.push({ relay, reason: checked.error.key });
        continue;
      }
      return { ok: true, text, relay };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      failures.push({ relay, reason: err.cause?.code ?? err.name ?? 'error' });
    }
  }
  return { ok: false, failures };
}
