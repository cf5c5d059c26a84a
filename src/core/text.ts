// Terminal text by display width: a Chinese character takes two columns, so padding by string length
// misaligns every table that mixes Chinese and ASCII.

/** Columns a string takes in a terminal (East Asian wide and fullwidth characters count two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * A value from data, safe to print: control characters (C0, DEL, C1) shown as \u escapes, so an ESC in
 * a name can never move the cursor, clear the screen or retitle the terminal.
 */
export function printable(s: string): string {
  // Direction overrides too: a stored value must never reorder what the screen shows.
  return String(s).replace(
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text for the terminal: every control character escaped except newline, tab and the colour codes the
 * tool itself adds (ESC [ … m). Names, seeds and summaries come from data and files; none of them may
 * move the cursor, clear the screen, overwrite a line with CR or set the window title.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    /\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Rows laid out in columns by display width, two spaces apart; `right` holds the indexes of numeric
 * columns (right-aligned). The last column is never padded, so no line ends in spaces.
 */
export function formatTable(rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  if (rows.length === 0) return [];
  // A loop, not Math.max(...): spreading 140,000 rows overflows the call stack.
  const widths = rows[0]!.map((_, i) => maxOf(rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((c, i) =>
        right.has(i)
          ? ' '.repeat(widths[i]! - displayWidth(c)) + c
          : i === r.length - 1
            ? c
            : padDisplay(c, widths[i]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The largest of many numbers (no spread: a province's selection would overflow the stack); -Infinity for none. */
export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The smallest of many numbers, without a spread; Infinity for none. */
export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}
