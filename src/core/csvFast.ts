// A fast CSV record splitter for the regular files Excel writes, exact where it answers and honest where
// it cannot: it parses records that are unambiguous (unquoted fields without quotes, quoted fields whose
// closing quote ends the field) and hands everything from the first irregular record on to csv-parse,
// which then decides (relax_quotes quirks, an unclosed quote, a line break inside quotes before the
// file's line ending is known). csv-parse's state at a record boundary is only the line ending it
// detected, which is passed on, so the two together parse every file exactly as csv-parse alone
// (test/core/csvFast.test.ts checks this on generated hostile files).
//
// Semantics followed (csv-parse with relax_column_count, relax_quotes, bom, skip_empty_lines false):
// the line ending is the first of \r\n, \n or \r met outside quotes and stays fixed for the file (other
// line-break characters are then field data); a leading BOM is dropped; a line ending at the very end
// of the file does not start another record; a blank line is the record [''].

export type LineEnding = '\n' | '\r\n' | '\r';

export interface FastResult {
  records: string[][];
  /** Set when a record could not be parsed here: the text from its first character, for csv-parse. */
  fallback?: string;
  /** The line ending in force (undefined until the first record has ended). */
  lineEnding?: LineEnding;
}

const QUOTE = 34; // "
const COMMA = 44;
const CR = 13;
const LF = 10;

export class FastCsv {
  private pending = '';
  private started = false;
  /** The next quote at or after some position of the current text (-1: none): one scan per text, not per record. */
  private quoteAt = -1;
  private quoteFrom = 0;
  lineEnding: LineEnding | undefined;

  /** Adds text and returns every record now complete; `final` marks the end of the file. */
  push(text: string, final = false): FastResult {
    let s = this.pending + text;
    this.pending = '';
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const records: string[][] = [];
    const len = s.length;
    let pos = 0;
    this.quoteAt = -2; // not searched yet in this text
    while (pos < len) {
      const start = pos;
      const r = this.record(s, pos, final);
      if (r === 'more') {
        this.pending = s.slice(start);
        return { records, lineEnding: this.lineEnding };
      }
      if (r === 'fallback') return { records, fallback: s.slice(start), lineEnding: this.lineEnding };
      records.push(r.cells);
      pos = r.next;
    }
    return { records, lineEnding: this.lineEnding };
  }

  /** One record from `pos`: its cells and where the next starts, 'more' text needed, or 'fallback'. */
  private record(s: string, pos: number, final: boolean): { cells: string[]; next: number } | 'more' | 'fallback' {
    const len = s.length;
    const cells: string[] = [];
    for (;;) {
      if (s.charCodeAt(pos) === QUOTE) {
        // A quoted field: "" is a quote; the closing quote must end the field.
        let value = '';
        let q = pos + 1;
        for (;;) {
          const j = s.indexOf('"', q);
          if (j < 0) return final ? 'fallback' : 'more';
          if (j + 1 >= len && !final) return 'more';
          if (s.charCodeAt(j + 1) === QUOTE) {
            value += s.slice(q, j + 1);
            q = j + 2;
            continue;
          }
          value += s.slice(q, j);
          pos = j + 1;
          break;
        }
        // Before the line ending is known, a line break inside quotes is left to csv-parse.
        if (this.lineEnding === undefined && (value.includes('\n') || value.includes('\r'))) return 'fallback';
        cells.push(value);
        if (pos >= len) return final ? { cells, next: pos } : 'more';
        const c = s.charCodeAt(pos);
        if (c === COMMA) {
          pos++;
          if (pos >= len && !final) return 'more';
          continue;
        }
        const end = this.endingAt(s, pos, final);
        if (end === 'more') return 'more';
        if (end < 0) return 'fallback';
        return { cells, next: end };
      }
      // An unquoted field, or the rest of the record when it holds no quote at all.
      const lineEnd = this.lineEndFrom(s, pos, final);
      if (lineEnd === 'more') return 'more';
      const quote = this.nextQuote(s, pos);
      if (quote < 0 || quote >= lineEnd.at) {
        // The line ending is known only once a record has really ended on it (not inside quotes).
        if (lineEnd.ending) this.lineEnding = lineEnd.ending;
        const rest = s.slice(pos, lineEnd.at);
        if (cells.length === 0) return { cells: rest.split(','), next: lineEnd.next };
        for (const v of rest.split(',')) cells.push(v);
        return { cells, next: lineEnd.next };
      }
      // A quote further on: this field ends at the next comma; a quote inside it is irregular.
      const comma = s.indexOf(',', pos);
      if (comma < 0 || comma > quote) return 'fallback';
      cells.push(s.slice(pos, comma));
      pos = comma + 1;
    }
  }

  /** The first quote at or after `pos` (-1: none), remembered so a file without quotes is scanned once. */
  private nextQuote(s: string, pos: number): number {
    const stale = this.quoteAt === -2 || (this.quoteAt >= 0 && this.quoteAt < pos);
    if (stale || (this.quoteAt === -1 && pos < this.quoteFrom)) {
      this.quoteAt = s.indexOf('"', pos);
      this.quoteFrom = pos;
    }
    return this.quoteAt;
  }

  /** After a closing quote at `pos`: the index after the line ending there, -1 if none, or 'more'. */
  private endingAt(s: string, pos: number, final: boolean): number | 'more' {
    const c = s.charCodeAt(pos);
    if (c !== CR && c !== LF) return -1;
    if (this.lineEnding === undefined) {
      if (c === CR && pos + 1 >= s.length && !final) return 'more';
      this.lineEnding = c === LF ? '\n' : s.charCodeAt(pos + 1) === LF ? '\r\n' : '\r';
    }
    // A chunk may end between the \r and the \n of a \r\n.
    if (!final && s.length - pos < this.lineEnding.length && this.lineEnding.startsWith(s.slice(pos))) return 'more';
    return s.startsWith(this.lineEnding, pos) ? pos + this.lineEnding.length : -1;
  }

  /** Where the record from `pos` ends (its line ending or the end of the file) and the next begins. */
  private lineEndFrom(
    s: string,
    pos: number,
    final: boolean,
  ): { at: number; next: number; ending?: LineEnding } | 'more' {
    const len = s.length;
    if (this.lineEnding === undefined) {
      const lf = s.indexOf('\n', pos);
      const cr = s.indexOf('\r', pos);
      const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (at < 0) return final ? { at: len, next: len } : 'more';
      if (at === cr && cr + 1 >= len && !final) return 'more';
      const ending: LineEnding = at === lf ? '\n' : s.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
      return { at, next: at + ending.length, ending };
    }
    const at = s.indexOf(this.lineEnding, pos);
    if (at < 0) {
      // A \r at the very end of a chunk may be half of a \r\n.
      return final ? { at: len, next: len } : 'more';
    }
    return { at, next: at + this.lineEnding.length };
  }
}
