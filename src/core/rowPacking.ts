// How the import's parse worker hands rows to the main thread, as pure code on both sides (tested as a
// round trip in test/core/rowPacking.test.ts). A batch is:
//  - text: its literal strings joined by U+0000, which no cell can hold (csvRead refuses a file with a
//    NUL byte, and neither UTF-8 nor GB18030 encodes anything else as U+0000); `literals` says how many
//    (an empty text may be no string or one empty string);
//  - meta: three numbers a row: its row number, how many values it has, and what they are (RAW cells
//    not yet checked, RAW_CHECKED cells the fast path did not accept, or a CLEAN record's values in
//    fastRecordKeys order);
//  - codes: one number per value of a clean row: a dictionary entry of that record position (≥ 0), a
//    literal (LITERAL), or a literal that also becomes the position's next entry (NEW_ENTRY).
// A roster column repeats a few values a million times (类型, 区域, 信用等级, 状态…): as dictionary
// entries they are neither joined nor split nor copied again, and the main thread gets the same
// string object each time. One string and two typed arrays clone in about a third of the time an
// array of strings does. A position whose dictionary reaches DICTIONARY_LIMIT (names, addresses) is
// sent as literals from then on; its entries so far stay valid and are simply no longer used.

export const RAW = 0;
export const RAW_CHECKED = 1;
export const CLEAN = 2;
export const LITERAL = -1;
export const NEW_ENTRY = -2;
const DICTIONARY_LIMIT = 4096;

export interface PackedRows {
  text: string;
  literals: number;
  meta: Int32Array;
  codes: Int32Array;
}

/** A row back on the main thread. */
export interface UnpackedRow {
  row: number;
  /** A raw row's cells (empty for a clean row). */
  cells: string[];
  /** The fast path has seen these cells and not accepted them. */
  checked?: boolean;
  /** A clean row's record values, in fastRecordKeys order, at values[at …]. */
  values?: string[];
  at?: number;
}

/** The worker's side: rows are added one by one, and taken as one batch. */
export class RowPacker {
  private readonly entries: Map<string, number>[];
  /** A position whose dictionary filled up (free text) is sent as literals without looking it up. */
  private readonly literalOnly: boolean[];
  private meta: number[] = [];
  private codes: number[] = [];
  private literals: string[] = [];

  constructor(private readonly keys: readonly string[]) {
    this.entries = keys.map(() => new Map<string, number>());
    this.literalOnly = keys.map(() => false);
  }

  get rows(): number {
    return this.meta.length / 3;
  }

  /** A clean record (the fast path's), its values taken in key order. */
  addClean(row: number, record: Record<string, string>): void {
    this.meta.push(row, this.keys.length, CLEAN);
    for (let k = 0; k < this.keys.length; k++) {
      const v = record[this.keys[k]!];
      if (v === undefined) throw new Error(`RowPacker: row ${row} has no ${this.keys[k]}`);
      if (this.literalOnly[k]) {
        this.codes.push(LITERAL);
        this.literals.push(v);
        continue;
      }
      const dict = this.entries[k]!;
      const known = dict.get(v);
      if (known !== undefined) this.codes.push(known);
      else {
        dict.set(v, dict.size);
        this.codes.push(NEW_ENTRY);
        this.literals.push(v);
        if (dict.size >= DICTIONARY_LIMIT) this.literalOnly[k] = true;
      }
    }
  }

  /** A row's raw cells; `fastChecked`: the fast path saw them and did not accept them. */
  addRaw(row: number, cells: readonly string[], fastChecked: boolean): void {
    this.meta.push(row, cells.length, fastChecked ? RAW_CHECKED : RAW);
    for (const c of cells) this.literals.push(c);
  }

  /** The rows added since the last take, packed. */
  take(): PackedRows {
    const p = {
      text: this.literals.join('\0'),
      literals: this.literals.length,
      meta: Int32Array.from(this.meta),
      codes: Int32Array.from(this.codes),
    };
    this.meta = [];
    this.codes = [];
    this.literals = [];
    return p;
  }
}

const NO_CELLS: string[] = [];

/** The main thread's side: the same dictionaries, grown in the same order. */
export class RowUnpacker {
  private readonly entries: string[][];

  constructor(private readonly width: number) {
    this.entries = Array.from({ length: width }, () => []);
  }

  unpack(p: PackedRows): UnpackedRow[] {
    const literals = p.literals === 0 ? [] : p.text.split('\0');
    // Every literal and code accounted for, or the batch is refused: nothing is ever silently shifted.
    if (literals.length !== p.literals) throw new Error(`unpackRows: ${literals.length} literals, ${p.literals} sent`);
    const rows: UnpackedRow[] = [];
    const values: string[] = [];
    let lit = 0;
    let code = 0;
    for (let i = 0; i < p.meta.length; i += 3) {
      const row = p.meta[i]!;
      const n = p.meta[i + 1]!;
      if (p.meta[i + 2] === CLEAN) {
        if (n !== this.width) throw new Error(`unpackRows: a clean row of ${n} values, ${this.width} keys`);
        const at = values.length;
        for (let k = 0; k < n; k++) {
          const c = p.codes[code++]!;
          let v: string | undefined;
          if (c >= 0) v = this.entries[k]![c];
          else {
            v = literals[lit++];
            if (c === NEW_ENTRY && v !== undefined) this.entries[k]!.push(v);
          }
          if (v === undefined) throw new Error(`unpackRows: row ${row} refers to a value not sent`);
          values.push(v);
        }
        rows.push({ row, cells: NO_CELLS, values, at });
      } else {
        const cells = literals.slice(lit, lit + n);
        lit += n;
        rows.push({ row, cells, checked: p.meta[i + 2] === RAW_CHECKED });
      }
    }
    if (lit !== literals.length || code !== p.codes.length)
      throw new Error(`unpackRows: ${literals.length - lit} literals and ${p.codes.length - code} codes left over`);
    return rows;
  }
}

/** A clean row's record, for writers that take one. */
export function recordOf(keys: readonly string[], values: readonly string[], at: number): Record<string, string> {
  const record: Record<string, string> = {};
  for (let k = 0; k < keys.length; k++) record[keys[k]!] = values[at + k]!;
  return record;
}
