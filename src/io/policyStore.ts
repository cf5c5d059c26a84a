// The canonical policy each draw and commitment ran under (draw_policies), hashed into its log entry
// through the rows it wrote, so the rules in force at a draw are on record and `audit` can recompute them.
import { canonicalJson, sha256Hex, type Canon } from '../core/canonical.js';
import type { Policy } from '../core/policy.js';
import type { Db } from './db.js';

export function policyText(p: Policy): string {
  return canonicalJson(p as unknown as Canon);
}

export function insertPolicy(db: Db, ref: string, text: string): string {
  const digest = sha256Hex(text);
  db.prepare('INSERT INTO draw_policies (ref, policy, policy_sha256) VALUES (?, ?, ?)').run(ref, text, digest);
  return digest;
}

export interface PolicyRow {
  ref: string;
  policy: string;
  policy_sha256: string;
}

export function getPolicy(db: Db, ref: string): PolicyRow | undefined {
  return db.prepare('SELECT * FROM draw_policies WHERE ref = ?').get(ref) as PolicyRow | undefined;
}

export function allPolicies(db: Db): PolicyRow[] {
  return db.prepare('SELECT * FROM draw_policies ORDER BY ref').all() as PolicyRow[];
}
