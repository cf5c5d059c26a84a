// Fetching a drand round from the relays (`inspect reveal ID --fetch`): the network only carries the
// value; it is checked offline against the pinned quicknet key before it is used, so a relay (or anyone
// between) can make a fetch fail but can never make a wrong value count. Relays are tried in order.
import { DRAND_QUICKNET, DRAND_RELAYS, parseDrandValue } from '../core/beacon.js';

export interface RelayFailure {
  relay: string;
  reason: string;
}

export type Fetched = { ok: true; text: string; relay: string } | { ok: false; failures: RelayFailure[] };

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
      // A round's JSON is a few hundred bytes: anything much larger is not one.
      const text = (await res.text()).slice(0, 4096);
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
