// Long documents go to the model in chunks cut at sentence boundaries (the extractor's own
// sentence splitter, nlp.ts), each repeating the last sentences of the one before, so a fact
// stated across the cut is seen whole at least once. Offsets stay those of the document.
import { analyse, type Sentence } from '../nlp.js';

export interface Chunk {
  start: number;
  end: number;
  text: string;
}

/** The chunks of a text: sentences packed up to maxChars (a longer sentence alone), overlapping by `overlap` sentences. */
export function chunkText(text: string, maxChars: number, overlap: number, sentences: readonly Sentence[] = analyse(text)): Chunk[] {
  if (!sentences.length) return text.trim() ? [{ start: 0, end: text.length, text }] : [];
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= maxChars) last++;
    const start = sentences[first]!.start;
    const end = sentences[last]!.end;
    chunks.push({ start, end, text: text.slice(start, end) });
    if (last + 1 >= sentences.length) break;
    // the next chunk starts `overlap` sentences back, but always moves on by one at least
    first = Math.max(first + 1, last + 1 - overlap);
  }
  return chunks;
}
