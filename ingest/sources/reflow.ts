// Text hard-wrapped at a fixed width (reports and bills copied from PDF, plain-text law) breaks its
// sentences at every line end, so names and clauses that run across a line are never read whole.
// A wrapped text is recognised by its lines: most of them filled to about the same width. Its lines
// are joined where a line ran to the margin and the next continues the paragraph; a short line (a
// heading, a paragraph's last line), a blank line and a line that opens a list item or a section
// keep their breaks, and so does a line that ends a sentence. Every character other than the joined line breaks is kept, so a quote taken
// from one line of the original is still found in the result.

/** Lines that open a new unit however full the line before them was: list items, sections, headings. */
const OPENS_UNIT = /^\s*(?:[-•*▪◦–]\s|\(?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})[.)]\s|(?:Article|ARTICLE|Art\.|SEC(?:TION)?\.?|Sec\.|Section|§+|CHAPTER|TITLE|PART|Page)\s|[A-Z][A-Z ,&'-]{3,}:?$|\|)/;

/**
 * The width a text is wrapped at, or undefined when its lines do not look wrapped: enough lines of
 * 40 to 140 characters filled to about one width. Lines far longer (list items or paragraphs left
 * unwrapped, one paragraph per line in most web text) do not count either way.
 */
export function wrapWidth(text: string): number | undefined {
  const lengths = text
    .split('\n')
    .map((l) => l.trimEnd().length)
    .filter((n) => n > 0);
  const mid = lengths.filter((n) => n >= 40 && n <= 140).sort((a, b) => a - b);
  if (mid.length < 6) return undefined;
  const width = mid[Math.floor(mid.length * 0.9)]!;
  const filled = mid.filter((n) => n >= 0.75 * width).length;
  return filled >= 6 && filled >= 0.3 * lengths.length ? width : undefined;
}

/** The text with the line breaks of its hard wrapping joined; an unwrapped text comes back unchanged. */
export function reflowWrapped(text: string): string {
  const width = wrapWidth(text);
  if (width === undefined) return text;
  const lines = text.split('\n');
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1]!.trimEnd();
    const line = lines[i]!;
    // a line that ends a sentence or a clause keeps its break: the join is needed only inside sentences
    const join = before.length >= 0.6 * width && before.length <= width + 5 && line.trim().length > 0 && !OPENS_UNIT.test(line) && !/[.!?:;]["”’)\]]?$/.test(before);
    if (!join) out += `\n${line}`;
    // a word broken at the margin ("semi-" / "conductor") stays one word
    else if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(line)) out += line.trimStart();
    else out += (/\s$/.test(out) ? '' : ' ') + line.trimStart();
  }
  return out;
}
