// Sentence segmentation and shallow NLP with wink-nlp: sentences (never across a line break, so
// headlines and list items stand alone) and tokens with their parts of speech, all with character
// offsets into the original text so quotes stay exact substrings. Money, counts and dates are read
// by the relation patterns themselves (graph/money.ts parses amounts), so wink's entity recogniser
// is left out of the pipe: it cost about a fifth of extraction time and nothing read its spans.
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  pos: string;
}

export interface Sentence extends Span {
  text: string;
  /** every token with its part of speech (universal tags: NOUN, VERB, PROPN, ...) */
  tokens: Token[];
  /** spans of tokens tagged PROPN, in order */
  properNouns: Span[];
}

let engine: ReturnType<typeof winkNLP> | null = null;
// sentiment, negation and entities are never read here; leaving them out of the pipe saves half the time
const nlp = () => (engine ??= winkNLP(model, ['sbd', 'pos']));

/** Offsets of each token in the original text (tokens are searched in order, so repeated words stay aligned): its start and end, by token. */
function tokenOffsets(text: string, values: string[]): { starts: Int32Array; ends: Int32Array } {
  // (two typed arrays, not an object per token: the objects and their collection cost more than the search)
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const at = text.indexOf(value, cursor);
    // A token wink rewrote (rare) keeps the cursor where it was instead of jumping ahead.
    const found = at >= 0 && at - cursor < 200;
    starts[i] = found ? at : cursor;
    ends[i] = found ? at + value.length : cursor;
    cursor = ends[i]!;
  }
  return { starts, ends };
}

// a reference mark: "[7]", "[a]", "[note 3]"
const CITATION = String.raw`\[(?:\d{1,3}|[a-z]|note \d{1,3})\]`;
// where a text's lines and its sentences closed by reference marks split: "\n", or the space after ".[7]"
const SPLIT = new RegExp(`\\n|(?<=[.!?]["”’]?(?:${CITATION})+)[ \\t]+(?=["“‘]?[A-Z])`, 'g');

/** The pieces of a range between its line breaks and reference-mark sentence ends, with their offsets in it. */
function pieces(range: string): { piece: string; at: number }[] {
  const out: { piece: string; at: number }[] = [];
  let at = 0;
  for (const m of range.matchAll(SPLIT)) {
    out.push({ piece: range.slice(at, m.index), at });
    at = m.index + m[0].length;
  }
  out.push({ piece: range.slice(at), at });
  return out;
}

const CITATION_LEAD = new RegExp(`^(?:${CITATION}\\s*)+`);

/** Splits a text into sentences with offsets, tokens and proper nouns. */
export function analyse(text: string): Sentence[] {
  const its = nlp().its;
  const doc = nlp().readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const { starts, ends } = tokenOffsets(text, values);
  const count = values.length;
  // wink splits "Qwen3.6-27B" after "Qwen3."; a split with no whitespace after it is undone here.
  const ranges: { a: number; b: number }[] = [];
  doc.sentences().each((sent: ItemSentence) => {
    const [a, b] = sent.out(its.span) as unknown as [number, number];
    const prev = ranges[ranges.length - 1];
    if (prev && prev.b < count && a < count && ends[prev.b] === starts[a]) prev.b = b;
    else ranges.push({ a, b });
  });
  const sentences: Sentence[] = [];
  for (const { a, b } of ranges) {
    if (!(a >= 0 && a < count && b >= 0 && b < count)) continue;
    const rangeStart = starts[a]!;
    // token offsets never go back, so each line resumes where the previous one stopped (a sentence
    // wink ran over hundreds of table lines would otherwise rescan its tokens once per line)
    let from = a;
    // wink joins lines that lack final punctuation; a line break always ends a sentence here.
    // A sentence that ends in reference marks ("… Islands.[7] It has …") ends there too; wink reads on.
    const range = text.slice(rangeStart, ends[b]!);
    for (const { piece, at: pieceAt } of pieces(range)) {
      const start = rangeStart + pieceAt;
      // reference marks left over from the previous sentence ("[7] It has …") are not part of this one
      const trimmed = piece.trimStart();
      const lead = piece.length - trimmed.length + (CITATION_LEAD.exec(trimmed)?.[0].length ?? 0);
      const body = piece.slice(lead).trim();
      const s0 = start + lead;
      const s1 = s0 + body.length;
      if (body.length > 0) {
        const tokens: Token[] = [];
        const properNouns: Span[] = [];
        let i = from;
        for (; i <= b; i++) {
          const tokenStart = starts[i]!;
          const tokenEnd = ends[i]!;
          if (tokenStart < s0) continue;
          if (tokenEnd > s1) break;
          tokens.push({ start: tokenStart, end: tokenEnd, pos: pos[i] ?? 'X' });
          if (pos[i] === 'PROPN') properNouns.push({ start: tokenStart, end: tokenEnd });
        }
        from = i;
        sentences.push({ start: s0, end: s1, text: body, tokens, properNouns });
      }
    }
  }
  return sentences;
}
