// The message catalogue: every key in both languages, Chinese that is Chinese, and placeholders that
// agree between the two, so no user ever sees a `{file}` or an English sentence under zh. And one
// message system: no sentence chosen by an inline `zh ? … : …` outside the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT as pageText } from '../../src/browser/pageText.js';
import { catalogueEntries } from '../../src/core/messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('message catalogue', () => {
  const entries = [...catalogueEntries(), ...Object.entries(pageText).map(([k, v]) => [`page.${k}`, v] as const)];
  it('has both languages for every key', () => {
    expect(entries.filter(([, m]) => !m.zh?.trim() || !m.en?.trim()).map(([k]) => k)).toEqual([]);
  });
  it('every zh message has Chinese in it', () => {
    // Not words: a pattern of two names, and the page's switch to English (labelled in English).
    const notWords = new Set(['T_STRATUM_NAME', 'page.lang']);
    const english = entries.filter(([k, m]) => !notWords.has(k) && !/[\u3000-\u9fff\uff00-\uffef]/.test(m.zh));
    expect(english.map(([k]) => k)).toEqual([]);
  });
  it('both languages use the same placeholders', () => {
    expect(entries.filter(([, m]) => placeholders(m.zh).join() !== placeholders(m.en).join()).map(([k]) => k)).toEqual(
      [],
    );
  });
  it('every key the code names exists', () => {
    const keys = new Set(entries.map(([k]) => k));
    const named = sources('src').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Z][A-Z0-9_]+)'/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(named.filter((n) => !keys.has(n.split(': ')[1]!))).toEqual([]);
  });
  it('every key is used: named in the code, or one of a family the code builds from data', () => {
    // Families built as `PREFIX${value}` (dynamicKey, or a template the compiler checks against a union).
    const FAMILIES = new RegExp(
      '^(L_ROSTER_|R_DRAW_DAYS_|T_ACTION_|T_CHECK_|T_GRADE_|T_KEY_|T_REF_|T_RISK_|T_SECTION_|T_SEVERITY_|T_STATE_|' +
        'T_WHY_|T_REASON_|R_(CERT_EXPIRED|CONFLICT|INACTIVE|NO_SPECIALTY|ROTATION|SAME_REGION|TAKEN)$)',
    );
    const code = sources('src')
      .filter((f) => !/src\/core\/messages/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = catalogueEntries()
      .map(([k]) => k)
      .filter((k) => !FAMILIES.test(k) && !new RegExp(`['"\`]${k.replace(/[.]/g, '\\.')}['"\`]`).test(code));
    expect(unused).toEqual([]);
  });
  it('no inline language choice outside the catalogue', () => {
    const inline = sources('src').flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => /(\bzh|lang\s*===\s*'zh')\s*\?\s*\(?\s*['`"][^'`"]*[\u4e00-\u9fff]/.test(line))
        .map(([, n]) => `${f}:${n}`),
    );
    // The one allowed choice: commander's own text is translated by pattern, not by key.
    expect(inline.filter((l) => !l.startsWith('src/cli/main.ts'))).toEqual([]);
  });
});
