// One document read by the extractor a run asks for: the rules, the model, or both. The model's
// records join what the document's structure states (front matter, tables); `both` merges them with
// the rules' records, the rules' first where both state the same fact or entity, each record keeping
// its own extractor id and confidence. When the model fails, the rules' records are what is kept.
import type { ExtractedRecord } from '../extract.js';
import type { Gazetteer } from '../gazetteer.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { LlmError } from './client.js';
import type { LlmExtractor, LlmStats } from './extractor.js';
import type { ExtractorMode } from './settings.js';

/** What a run reads documents with: the mode, and the model with the run's counters when the mode needs it. */
export interface ExtractorChoice {
  mode: ExtractorMode;
  llm?: LlmExtractor;
  stats?: LlmStats;
}

/** What a document's stored input records as the extractor that read it: the rules' version, the model's id, or both joined by `+`. */
export function extractionTag(mode: ExtractorMode, llm?: LlmExtractor): string {
  if (mode === 'rules' || !llm) return EXTRACTOR_VERSION;
  return mode === 'llm' ? llm.id : `${EXTRACTOR_VERSION}+${llm.id}`;
}

const keyOf = (r: ExtractedRecord) => (r.kind === 'entity' ? `e|${r.id ?? `?${r.name}`}` : `f|${r.rel}|${r.subject.id}|${r.object.id}`);

/** Records of several extractors as one list: the first list's records win where two state the same fact or entity. */
export function mergeRecords(...lists: readonly (readonly ExtractedRecord[])[]): ExtractedRecord[] {
  const seen = new Set<string>();
  const out: ExtractedRecord[] = [];
  for (const list of lists)
    for (const r of list) {
      const key = keyOf(r);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  return out;
}

export interface DocumentText {
  text: string;
  source: string;
  gazetteer: Gazetteer;
  /** records the document's structure states (its source's own), which every mode keeps */
  structured: readonly ExtractedRecord[];
  /** the rules' records for the document (structure included) */
  rules: () => ExtractedRecord[];
}

export interface CombinedExtraction {
  records: ExtractedRecord[];
  /** the tag of the extractor whose records these are (the rules' version when the model failed) */
  extractedWith: string;
  /** why the model's records are missing, when they are */
  error?: LlmError;
}

/** Reads one document with the chosen extractor; a model failure gives the rules' records and the error. */
export async function extractWith(choice: ExtractorChoice, doc: DocumentText): Promise<CombinedExtraction> {
  if (choice.mode === 'rules') return { records: doc.rules(), extractedWith: EXTRACTOR_VERSION };
  const { llm, stats } = choice;
  if (!llm || !stats)
    return {
      records: doc.rules(),
      extractedWith: EXTRACTOR_VERSION,
      error: new LlmError('llm_not_configured', 'LLM_BASE_URL and LLM_MODEL are not set: the rules read this document'),
    };
  let fromModel: ExtractedRecord[];
  try {
    fromModel = doc.text.trim() ? await llm.extract(doc.text, { source: doc.source, gazetteer: doc.gazetteer, stats }) : [];
  } catch (err) {
    if (!(err instanceof LlmError)) throw err;
    return { records: doc.rules(), extractedWith: EXTRACTOR_VERSION, error: err };
  }
  const records = choice.mode === 'llm' ? mergeRecords(doc.structured, fromModel) : mergeRecords(doc.rules(), fromModel);
  return { records, extractedWith: extractionTag(choice.mode, llm) };
}
