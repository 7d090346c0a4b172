// The extractor's version: a hash over every file of ingest/extract/ (code and data) but the optional
// model-backed extractor in llm/ (whose claims carry their own id), so any change
// to a rule, a proposer or the lexicon gives a new version and `chokepoint reextract` knows which
// stored claims are out of date. Computed once, when this module is first imported.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** Every file under dir (no dot files), as paths relative to base with forward slashes, sorted. */
function filesUnder(dir: string, base: string, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) out.push(...filesUnder(path, base));
    } else if (entry.isFile()) out.push(relative(base, path).split(sep).join('/'));
  }
  return out.sort();
}

/** The hash of the extractor's files under root (folders in `skip` left out): 12 hex digits, the same on every platform (line endings normalised). */
export function extractorVersionOf(dir: string = root, skip: readonly string[] = dir === root ? ['llm'] : []): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir, dir, new Set(skip))) {
    const bytes = readFileSync(join(dir, file));
    hash.update(file).update('\0');
    // text files hash alike whatever line endings a checkout gave them
    hash.update(bytes.includes(0) ? bytes : bytes.toString('utf8').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** The version every claim the extractor writes carries (`ingest/<rule>@<version>`). */
export const EXTRACTOR_VERSION: string = extractorVersionOf();

/** The version an extractor id (`ingest/<rule>@<version>`) names, or undefined for other claims (seeds, imports, the API). */
export function versionOfExtractor(extractor: string): string | undefined {
  const m = /^ingest\/[^@]+@(.+)$/.exec(extractor);
  return m?.[1];
}
