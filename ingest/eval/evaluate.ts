// An evaluation: extract each document in-process, as `chokepoint extract` does, and score the
// records against the gold that names the document's file.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInput } from '../../schema/errors.js';
import type { EntityRecord } from '../../schema/records.js';
import { readInput } from '../document.js';
import { extract, type DocumentKind, type ExtractedRecord } from '../extract/extract.js';
import { Gazetteer } from '../extract/gazetteer.js';
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
  progress?: (label: string, done: number, total?: number) => void;
}

export interface Evaluation {
  extractorVersion: string;
  score: Score;
  /** documents the gold says nothing about, gold documents not given, documents that could not be read */
  warnings: string[];
}

/** The records `chokepoint extract` prints for one file: its documents', then its feed items' (all citing the file). */
export async function extractFile(file: string, body: Uint8Array, gazetteer: Gazetteer, kind: DocumentKind = 'auto'): Promise<ExtractedRecord[]> {
  const { documents, items } = await readInput({ url: file, body }, gazetteer, kind);
  const out: ExtractedRecord[] = [];
  for (const d of documents) for (const r of d.records) out.push({ ...r, source: file });
  for (const item of items) if (item.text) out.push(...extract(item.text, { source: file, gazetteer }));
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
  const pred: ScoredRecord[] = [];
  let done = 0;
  for (const file of opts.documents) {
    try {
      pred.push(...(await extractFile(file, readFileSync(file), gazetteer, opts.kind)));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      warnings.push(`${file}: ${err.message}`);
    }
    opts.progress?.('eval', ++done, opts.documents.length);
  }
  return { extractorVersion: EXTRACTOR_VERSION, score: score(gold, pred, { explicitOnly: !!opts.explicitOnly }), warnings };
}
