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

/** A name split where it may break: after spaces, and after hyphens and slashes inside a word. */
function pieces(text: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.match(/[^-/]+[-/]*|[-/]+/g) ?? [word];
    parts.forEach((part, k) => out.push({ text: part, space: k === 0 }));
  }
  return out;
}

const joinPieces = (list: { text: string; space: boolean }[]) => list.map((p, k) => (k > 0 && p.space ? ' ' : '') + p.text).join('');

/** Greedy wrap of pieces to lines of `max` px (the last line `lastMax`); a piece wider than a line is broken by character. */
function fill(list: { text: string; space: boolean }[], max: number, lastMax: number, size: number, bold: boolean, maxLines: number): { lines: string[]; used: number } {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = () => (lines.length === maxLines - 1 ? lastMax : max);
  for (const p of list) {
    const next = line ? line + (p.space ? ' ' : '') + p.text : p.text;
    if (textWidth(next, size, bold) <= room()) {
      line = next;
      used++;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      if (lines.length >= maxLines) return { lines, used };
    }
    let rest = p.text;
    // a word that fits a full line but not the shortened last one ends the text (no half words)
    if (textWidth(rest, size, bold) <= max && textWidth(rest, size, bold) > room()) return { lines, used };
    while (textWidth(rest, size, bold) > room()) {
      const chars = [...rest];
      let k = chars.length - 1;
      while (k > 1 && textWidth(chars.slice(0, k).join(''), size, bold) > room()) k--;
      lines.push(chars.slice(0, k).join(''));
      rest = chars.slice(k).join('');
      if (lines.length >= maxLines) return { lines, used };
    }
    line = rest;
    used++;
  }
  if (line) lines.push(line);
  return { lines, used };
}

/**
 * A name wrapped to at most `maxLines` lines of `max` px, breaking at spaces, hyphens and
 * slashes. When it does not fit, the last line ends in "…" plus the name's last `tailWords`
 * pieces, so "Huawei Ascend 910B" and "Huawei Ascend 910C" never shorten to the same stub.
 */
export function wrapName(text: string, max: number, size: number, bold: boolean, maxLines = 2, tailWords = 1): { lines: string[]; cut: boolean } {
  const all = pieces(text);
  const whole = fill(all, max, max, size, bold, maxLines);
  if (whole.used === all.length && whole.lines.length <= maxLines) return { lines: whole.lines, cut: false };
  const keep = Math.min(tailWords, Math.max(1, all.length - 1));
  const suffix = fitText(`…${joinPieces(all.slice(-keep))}`, max, size, bold).text;
  const head = fill(all.slice(0, all.length - keep), max, max - textWidth(suffix, size, bold), size, bold, maxLines);
  const lines = head.lines.slice(0, maxLines);
  if (lines.length < maxLines) lines.push(suffix);
  else if (textWidth(lines[maxLines - 1]! + suffix, size, bold) <= max) lines[maxLines - 1] = lines[maxLines - 1]! + suffix;
  else lines[maxLines - 1] = suffix;
  return { lines, cut: true };
}

/** Breaks text with no spaces (a URL) at any character into lines of at most `max` px. */
export function wrapChars(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > max) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}
