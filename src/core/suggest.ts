// "Did you mean …": a code typed in lower case, with full-width characters (ＳＣ０４, from a Chinese input
// method) or with spaces around it is matched to the one that exists, so the message can name it.

/** The form codes are compared in: NFKC (full-width → ASCII), trimmed, upper case. */
export function codeKey(s: string): string {
  return s.normalize('NFKC').trim().toUpperCase();
}

/** The known code the given one was probably meant to be, if exactly one matches in that form. */
export function suggestCode(given: string, known: Iterable<string>): string | undefined {
  const key = codeKey(given);
  const hits = [...known].filter((k) => k !== given && codeKey(k) === key);
  return hits.length === 1 ? hits[0] : undefined;
}
