import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';

const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** Runs the child; with killAfter, SIGKILLs it once that many documents are written. */
function runChild(dataDir: string, files: string[], killAfter?: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      if (killAfter !== undefined && lines.filter((l) => l.startsWith('written')).length >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ lines, signal }));
  });
}

const DOCUMENTS = 24;
// two child processes (each loads TypeScript and the extractor), then every document extracted and written once
const BUDGET_MS = 2 * 30_000 + DOCUMENTS * 2_000;

describe('crash safety', () => {
  it('after SIGKILL mid-run, a second run leaves no duplicate and no half-written document', { timeout: BUDGET_MS }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-crash-'));
    const articles = join(import.meta.dirname, '../fixtures/articles');
    const sources = readdirSync(articles)
      .filter((f) => !f.startsWith('001_'))
      .map((f) => readFileSync(join(articles, f), 'utf8'));
    const files: string[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const file = join(dir, `doc-${i}.txt`);
      writeFileSync(file, `${sources[i % sources.length]}\nCopy ${i}: Scale AI acquired ICG Solutions.\n`);
      files.push(file);
    }
    const dataDir = join(dir, 'data');
    const killed = await runChild(dataDir, files, 3);
    expect(killed.signal).toBe('SIGKILL');
    const finished = await runChild(dataDir, files);
    const done = finished.lines.find((l) => l.startsWith('done '));
    expect(done).toBeDefined();
    const counts = JSON.parse(done!.slice(5)) as { added: number; unchanged: number; changed: number };
    // whatever the killed run committed is complete: the second run finds it unchanged
    expect(counts.added + counts.unchanged).toBe(files.length);
    expect(counts.changed).toBe(0);
    expect(counts.unchanged).toBeGreaterThanOrEqual(3);

    const store = await openEmbeddedStore({ dataDir });
    try {
      const docs = await store.allDocuments();
      expect(docs.length).toBe(files.length);
      const claims = await store.allClaims();
      expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
      const perDoc = new Map<string, number>();
      for (const c of claims) perDoc.set(c.documentId, (perDoc.get(c.documentId) ?? 0) + 1);
      // every document came with its claims (each file states at least the acquisition)
      for (const d of docs) expect(perDoc.get(d.id) ?? 0).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
