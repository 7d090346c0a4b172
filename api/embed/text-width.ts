// Conservative text measurement without a font engine: widths per character class, rounded up
// towards the widest common sans-serif fallback (DejaVu Sans), so labels never overflow their box
// in whichever system font the reader's browser or the PNG renderer picks.

const NARROW = new Set("il|!.,:;'`ijtfr()[]{} ".split(''));
const WIDE = new Set('MWmw@%&'.split(''));

/** Estimated advance of one character in em. */
function charEm(ch: string): number {
  if (NARROW.has(ch)) return 0.36;
  if (WIDE.has(ch)) return 1.02;
  const code = ch.codePointAt(0)!;
  if (code > 0x2e80) return 1.05; // CJK and other full-width scripts
  if (ch >= 'A' && ch <= 'Z') return 0.78;
  if (ch >= '0' && ch <= '9') return 0.66;
  return 0.64;
}

/** Width in px of `text` at `size` px; bold text is taken as 8 % wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1.08 : 1);
}

/** The text cut to fit `max` px with an ellipsis, and whether it was cut. */
export function fitText(text: string, max: number, size: number, bold = false): { text: string; cut: boolean } {
  if (textWidth(text, size, bold) <= max) return { text, cut: false };
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + '…', size, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return { text: chars.slice(0, lo).join('').trimEnd() + '…', cut: true };
}

/** Greedy word wrap to lines of at most `max` px; a word longer than a line is cut with an ellipsis. */
export function wrapText(text: string, max: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size, bold) <= max) line = next;
    else {
      if (line) lines.push(line);
      line = fitText(word, max, size, bold).text;
    }
  }
  if (line) lines.push(line);
  return lines;
}
