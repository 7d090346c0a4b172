// The model's answers kept in the data directory, keyed by (document text hash, model, prompt
// version): reading a document again with the same model and prompt sends no request. Each entry
// is one JSON file written atomically (a temporary file renamed into place), so a crash leaves the
// old entry or the new one, never half of one.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Usage } from './client.js';

/** What is kept for one document: the answer to each chunk, in order, with the tokens it cost. */
export interface CachedAnswer {
  extractor: string;
  chunks: { content: string; usage: Usage }[];
}

/** The key of a document's answers: a hash of its text's hash, the model and the prompt version. */
export const cacheKey = (documentHash: string, model: string, promptVersion: string): string => createHash('sha256').update(`${documentHash}\0${model}\0${promptVersion}`).digest('hex').slice(0, 40);

export class ResponseCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The answers kept under a key, or undefined (also for an entry that cannot be read: it is asked again). */
  get(key: string): CachedAnswer | undefined {
    try {
      const value = JSON.parse(readFileSync(this.file(key), 'utf8')) as CachedAnswer;
      return Array.isArray(value.chunks) && value.chunks.every((c) => typeof c.content === 'string') ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps answers under a key; a directory that cannot be written costs the cache, never the extraction. */
  put(key: string, value: CachedAnswer): boolean {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, file);
      return true;
    } catch {
      rmSync(tmp, { force: true });
      return false;
    }
  }
}
