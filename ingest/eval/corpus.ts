// Where an evaluation's documents and gold come from: gold JSONL files, and corpus folders whose
// documents sit beside their `*.gold.jsonl` files. Documents meet their gold by file name.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InvalidInput, NotFound } from '../../schema/errors.js';
import type { ScoredRecord } from './score.js';

const GOLD_SUFFIX = '.gold.jsonl';
/** Files in a corpus folder that are not documents: gold, manifests, READMEs, dot files. */
const NOT_A_DOCUMENT = /(^\.)|(\.gold\.jsonl$)|(^readme(\.|$))|(^manifest(\.|$))|(\.manifest\.[a-z]+$)/i;

/** The documents and gold files of a corpus folder, each sorted by name. */
export function corpusFolder(dir: string): { documents: string[]; gold: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new NotFound(`${dir}: no such folder`);
  }
  const files = names.filter((n) => statSync(join(dir, n)).isFile());
  return {
    documents: files.filter((n) => !NOT_A_DOCUMENT.test(n)).map((n) => join(dir, n)),
    gold: files.filter((n) => n.endsWith(GOLD_SUFFIX)).map((n) => join(dir, n)),
  };
}

/** The records of a gold file; a line that is not a JSON object fails, naming the file and line. */
export function readGold(file: string): ScoredRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NotFound(`${file}: no such gold file`);
  }
  const out: ScoredRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InvalidInput(`${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidInput(`${file}:${i + 1}: expected a JSON object (a fact record)`);
    out.push(value as ScoredRecord);
  });
  return out;
}

/** Fails when two documents share a file name: gold is matched to documents by file name alone. */
export function checkDistinctNames(documents: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const d of documents) {
    const name = basename(d);
    const prior = seen.get(name);
    if (prior && prior !== d) throw new InvalidInput(`${prior} and ${d} share the file name ${name}; documents meet their gold by file name, so score them separately`);
    seen.set(name, d);
  }
}
