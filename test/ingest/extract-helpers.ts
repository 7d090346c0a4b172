// Shared by the extraction tests: run extraction on a text with the built-in lexicon and read
// the facts as short strings.
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { extract, type ExtractedRecord, type FactOut } from '../../ingest/extract/extract.js';
import { findMentions } from '../../ingest/extract/mentions.js';
import { analyse } from '../../ingest/extract/nlp.js';

export const lexicon = Gazetteer.build([]);

export function records(text: string, source = 'test.txt'): ExtractedRecord[] {
  return extract(text, { source, gazetteer: lexicon });
}

export function facts(text: string): string[] {
  return records(text)
    .filter((r): r is FactOut => r.kind === 'fact')
    .map((f) => `${f.rel} ${f.subject.name} -> ${f.object.name}`);
}

export function entityNames(text: string): string[] {
  return records(text).flatMap((r) => (r.kind === 'entity' ? [r.name] : []));
}

/** The names a text's mentions carry, known and proposed, before extraction decides which entities it reports. */
export function mentionNames(text: string): string[] {
  return findMentions(text, analyse(text), lexicon).flatMap((ms) => ms.map((m) => m.name));
}
