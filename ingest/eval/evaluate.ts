// An evaluation: extract each document in-process, as `chokepoint extract` does, and score the
// records against the gold that names the document's file.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInput } from '../../schema/errors.js';
import type { EntityRecord } from '../../schema/records.js';
import { readInput } from '../document.js';
import { extract, type DocumentKind, type ExtractedRecord } from '../extract/extract.js';
import { Gazetteer } from '../extract/gazetteer.js';
import { extractWith, type ExtractorChoice } from '../extract/llm/combine.js';
import { emptyStats, type LlmExtractor, type LlmStats } from '../extract/llm/extractor.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import { checkDistinctNames, readGold } from './corpus.js';
import { documentOf, score, type Score, type ScoredRecord } from './score.js';

export interface EvaluationOptions {
  /** document files to extract */
  documents: string[];
  /** gold JSONL files; only their records for the documents given are scored */
  gold: string[];
  kind?: DocumentKind;
  /** known entities for the gazetteer (the lexicon is always there) */
  entities?: readonly EntityRecord[];
  explicitOnly?: boolean;
  /** what reads the documents: the rules (default), a model, or both */
  extractor?: ExtractorChoice['mode'];
  /** the model, for `llm` and `both` */
  llm?: LlmExtractor;
  progress?: (label: string, done: number, total?: number) => void;
}

export interface Evaluation {
  /** the rules' version, the model's id, or both joined by `+` */
  extractorVersion: string;
  /** what the model cost and dropped, when one read the documents */
  llm?: LlmStats;
  score: Score;
  /** documents the gold says nothing about, gold documents not given, documents that could not be read */
  warnings: string[];
}

/**
 * The records `chokepoint extract` prints for one file: its documents', then its feed items' (all
 * citing the file), read by the rules or as `choice` says; a model's failures are named in `failures`.
 */
export async function extractFile(
  file: string,
  body: Uint8Array,
  gazetteer: Gazetteer,
  kind: DocumentKind = 'auto',
  choice: ExtractorChoice = { mode: 'rules' },
  failures: string[] = [],
): Promise<ExtractedRecord[]> {
  const { documents, items } = await readInput({ url: file, body }, gazetteer, kind);
  const out: ExtractedRecord[] = [];
  const read = async (text: string, structured: readonly ExtractedRecord[], rules: () => ExtractedRecord[]) => {
    const r = await extractWith(choice, { text, source: file, gazetteer, structured, rules });
    if (r.error) failures.push(`${file}: ${r.error.reason}: ${r.error.message}; scored with the rules' records`);
    return r.records;
  };
  for (const d of documents)
    out.push(
      ...(
        await read(
          d.document.text,
          d.document.records.map((r) => ({ ...r, source: file })),
          () => d.records,
        )
      ).map((r) => ({ ...r, source: file })),
    );
  for (const item of items) if (item.text) out.push(...(await read(item.text, [], () => extract(item.text!, { source: file, gazetteer }))));
  return out;
}

/** Extracts every document and scores it against the gold, per document and in total. */
export async function evaluate(opts: EvaluationOptions): Promise<Evaluation> {
  if (!opts.documents.length) throw new InvalidInput('eval: no documents to score (give files, a folder, or --set)');
  if (!opts.gold.length) throw new InvalidInput('eval: no gold (give --gold FILE, or a folder holding *.gold.jsonl files)');
  checkDistinctNames(opts.documents);
  const names = new Set(opts.documents.map((d) => basename(d)));
  const warnings: string[] = [];
  const allGold = opts.gold.flatMap(readGold);
  const gold = allGold.filter((r) => names.has(documentOf(r)));
  const goldDocs = new Set(allGold.map(documentOf));
  const notGiven = [...goldDocs].filter((d) => !names.has(d));
  if (notGiven.length) warnings.push(`gold for ${notGiven.length} documents not given, left out: ${notGiven.slice(0, 5).join(', ')}${notGiven.length > 5 ? ', …' : ''}`);
  for (const d of opts.documents) if (!goldDocs.has(basename(d))) warnings.push(`${d}: no gold names this file; its records count as spurious`);

  const gazetteer = Gazetteer.build(opts.entities ?? []);
  const mode = opts.extractor ?? 'rules';
  if (mode !== 'rules' && !opts.llm) throw new InvalidInput(`--extractor ${mode}: no model configured (LLM_BASE_URL, LLM_MODEL)`);
  const stats = mode !== 'rules' && opts.llm ? emptyStats(opts.llm.id) : undefined;
  const choice: ExtractorChoice = { mode, ...(opts.llm ? { llm: opts.llm } : {}), ...(stats ? { stats } : {}) };
  const pred: ScoredRecord[] = [];
  let done = 0;
  for (const file of opts.documents) {
    try {
      pred.push(...(await extractFile(file, readFileSync(file), gazetteer, opts.kind, choice, warnings)));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      warnings.push(`${file}: ${err.message}`);
    }
    opts.progress?.('eval', ++done, opts.documents.length);
  }
  return {
    extractorVersion: mode === 'rules' || !opts.llm ? EXTRACTOR_VERSION : mode === 'llm' ? opts.llm.id : `${EXTRACTOR_VERSION}+${opts.llm.id}`,
    ...(stats ? { llm: stats } : {}),
    score: score(gold, pred, { explicitOnly: !!opts.explicitOnly }),
    warnings,
  };
}
