// One document end to end without a store: pick its source, parse it, and extract the fact
// records of its structure and of its text. `chokepoint extract` and the pipeline both use this.
import { extract, type DocumentKind, type ExtractedRecord } from './extract/extract.js';
import type { Gazetteer } from './extract/gazetteer.js';
import { extractWith, type CombinedExtraction, type ExtractorChoice } from './extract/llm/combine.js';
import { pickSource } from './sources/index.js';
import type { FeedItem, ParsedDocument, RawInput } from './sources/source.js';

export interface DocumentExtraction {
  document: ParsedDocument;
  records: ExtractedRecord[];
}

/** Extraction records for one parsed document: structured records first, then those of its text, without duplicates. */
export function extractParsed(doc: ParsedDocument, gazetteer: Gazetteer, source = doc.url): ExtractedRecord[] {
  const read = doc.text
    ? extract(doc.text, { source, gazetteer, ...(doc.extraRules ? { extraRules: doc.extraRules } : {}), ...(doc.vouches ? { vouches: doc.vouches } : {}), ...(doc.names ? { names: doc.names } : {}) })
    : [];
  const fromText = doc.review ? doc.review(read) : read;
  // the place in `out` of each record's key
  const at = new Map<string, number>();
  const out: ExtractedRecord[] = [];
  for (const r of [...doc.records.map((r) => ({ ...r, source })), ...fromText]) {
    const key = r.kind === 'entity' ? `e|${r.id ?? r.name}` : `f|${r.rel}|${r.subject.id}|${r.object.id}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(r);
      continue;
    }
    // an entity the structure named and the text wrote another way: the text's writings are its names too
    const prior = out[i]!;
    if (prior.kind !== 'entity' || r.kind !== 'entity') continue;
    const more = r.aliases.filter((a) => a !== prior.name && !prior.aliases.includes(a));
    if (more.length) out[i] = { ...prior, aliases: [...prior.aliases, ...more] };
  }
  return out;
}

/** A parsed document read with the chosen extractor (the rules, a model, or both); a model's failure leaves the rules' records and the error. */
export function extractParsedWith(doc: ParsedDocument, gazetteer: Gazetteer, choice: ExtractorChoice, source = doc.url): Promise<CombinedExtraction> {
  return extractWith(choice, { text: doc.text, source, gazetteer, structured: doc.records.map((r) => ({ ...r, source })), rules: () => extractParsed(doc, gazetteer, source) });
}

/** Parses an input with the right source: its documents (with records) and, for feeds, the items to fetch. */
export async function readInput(input: RawInput, gazetteer: Gazetteer, kind: DocumentKind = 'auto'): Promise<{ documents: DocumentExtraction[]; items: FeedItem[] }> {
  const source = pickSource(input, kind);
  const out = await source.parse(input, { gazetteer });
  return { documents: out.documents.map((document) => ({ document, records: extractParsed(document, gazetteer) })), items: out.items };
}
