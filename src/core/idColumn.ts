// A frame's ids packed into one byte array: a province's roster is ten million ids, and as JavaScript
// strings each cost some 50 bytes of heap beside its 18 characters (at 2,000,000 objects about 100 MB
// the garbage collector has to trace, and doubles before it collects). Here an id costs its bytes and
// a 4-byte end offset.
//
// An id that is plain printable ASCII (other than `"` and `\`; a 统一社会信用代码 always is) is stored as
// its bytes: one byte a character, so byte order is code-unit order and its JSON text is the bytes in
// quotes. Any other id (only possible behind inspect's back) is kept as the string it is, beside.

/** A character code JSON.stringify writes as it is, one byte: printable ASCII other than `"` and `\`. */
export const isPlainCode = (c: number): boolean => c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c;

export function isPlain(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!isPlainCode(s.charCodeAt(k))) return false;
  return true;
}

export class IdColumn implements Iterable<string> {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private ends: Uint32Array = new Uint32Array(1 << 12);
  private readonly special = new Map<number, string>();
  private used = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(id: string): void {
    if (this.count === this.ends.length) this.ends = grow(this.ends, this.count * 2);
    if (isPlain(id)) {
      if (this.used + id.length > this.bytes.length)
        this.bytes = grow(this.bytes, Math.max(this.bytes.length * 2, this.used + id.length));
      for (let k = 0; k < id.length; k++) this.bytes[this.used++] = id.charCodeAt(k);
    } else this.special.set(this.count, id);
    this.ends[this.count++] = this.used;
  }

  /** Appends a plain id given as its bytes (`src[from..to)`, each 0x20–0x7e but `"` and `\`). */
  pushPlainBytes(src: Uint8Array, from: number, to: number): void {
    if (this.count === this.ends.length) this.ends = grow(this.ends, this.count * 2);
    const n = to - from;
    if (this.used + n > this.bytes.length)
      this.bytes = grow(this.bytes, Math.max(this.bytes.length * 2, this.used + n));
    this.bytes.set(src.subarray(from, to), this.used);
    this.used += n;
    this.ends[this.count++] = this.used;
  }

  /** Drops the spare capacity the pushes left (up to half of each array). */
  trim(): this {
    this.bytes = this.bytes.slice(0, this.used);
    this.ends = this.ends.slice(0, this.count);
    return this;
  }

  at(i: number): string {
    const s = this.special.get(i);
    if (s !== undefined) return s;
    const from = i === 0 ? 0 : this.ends[i - 1]!;
    const to = this.ends[i]!;
    return String.fromCharCode.apply(null, this.bytes.subarray(from, to) as unknown as number[]);
  }

  /** Code-unit order of ids i and j (byte order when both are plain). */
  compare(i: number, j: number): number {
    if (this.special.size && (this.special.has(i) || this.special.has(j))) {
      const a = this.at(i);
      const b = this.at(j);
      return a < b ? -1 : a > b ? 1 : 0;
    }
    let a = i === 0 ? 0 : this.ends[i - 1]!;
    let b = j === 0 ? 0 : this.ends[j - 1]!;
    const aEnd = this.ends[i]!;
    const bEnd = this.ends[j]!;
    for (; a < aEnd && b < bEnd; a++, b++) {
      const d = this.bytes[a]! - this.bytes[b]!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a < aEnd ? 1 : b < bEnd ? -1 : 0;
  }

  /** Bytes of id i's JSON string; null for an id kept as a string (the caller writes JSON.stringify of it). */
  plainLength(i: number): number | null {
    if (this.special.size && this.special.has(i)) return null;
    return this.ends[i]! - (i === 0 ? 0 : this.ends[i - 1]!);
  }

  /** Writes plain id i's bytes at `at` in `out`; returns the position after them. */
  writePlain(i: number, out: Uint8Array, at: number): number {
    const to = this.ends[i]!;
    for (let k = i === 0 ? 0 : this.ends[i - 1]!; k < to; k++) out[at++] = this.bytes[k]!;
    return at;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  toArray(): string[] {
    return [...this];
  }
}

function grow<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
