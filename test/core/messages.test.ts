// The message catalogue: every key in both languages, Chinese that is Chinese, and placeholders that
// agree between the two, so no user ever sees a `{file}` or an English sentence under zh.
import { describe, expect, it } from 'vitest';
import { catalogueEntries } from '../../src/core/messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
  const entries = catalogueEntries();
  it('has both languages for every key', () => {
    expect(entries.filter(([, m]) => !m.zh?.trim() || !m.en?.trim()).map(([k]) => k)).toEqual([]);
  });
  it('every zh message has Chinese in it', () => {
    expect(entries.filter(([, m]) => !/[\u3000-\u9fff\uff00-\uffef]/.test(m.zh)).map(([k]) => k)).toEqual([]);
  });
  it('both languages use the same placeholders', () => {
    expect(entries.filter(([, m]) => placeholders(m.zh).join() !== placeholders(m.en).join()).map(([k]) => k)).toEqual([]);
  });
});
