import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factRecordSchema } from '../../schema/records.js';
import { PER_RUN_MS, runCli } from '../cli/run-cli.js';

const articles = join(import.meta.dirname, '../fixtures/articles');
const article000 = join(
  articles,
  readdirSync(articles).find((f) => f.startsWith('000_'))!,
);

describe('chokepoint extract and ingest', () => {
  it('extract prints valid fact records as JSONL and writes nothing', { timeout: PER_RUN_MS }, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'extract-cli-')), 'data');
    const r = await runCli(['extract', article000], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const l of lines) expect(factRecordSchema.safeParse(JSON.parse(l)).success).toBe(true);
    expect(() => readdirSync(dataDir)).toThrow();
  });

  it('extract names a bad --kind and a missing file with exit 1', { timeout: 2 * PER_RUN_MS }, async () => {
    expect((await runCli(['extract', '--kind', 'nope', article000])).code).toBe(1);
    const missing = await runCli(['extract', 'no-such-file.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-file.txt');
  });

  it('ingest file writes a document once; ingest status shows the runs', { timeout: 3 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'ingest-cli-')), 'data') };
    const first = await runCli(['ingest', 'file', article000], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/docs \+1 /);
    const second = await runCli(['ingest', 'file', article000], env);
    expect(second.stdout).toMatch(/docs \+0 ~0 =1 /);
    const status = await runCli(['ingest', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout.match(/manual/g)?.length).toBe(2);
  });

  it('ingest shows control characters of a failed input as U+FFFD, never as terminal escapes', { timeout: 2 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'ingest-cli-')), 'data') };
    const r = await runCli(['ingest', 'file', 'missing-\u001b[31m-file.txt'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing-\ufffd[31m-file.txt');
    expect(r.stderr).not.toContain('\u001b');
    const status = await runCli(['ingest', 'status'], env);
    expect(status.stdout).toContain('missing-\ufffd[31m-file.txt');
    expect(status.stdout).not.toContain('\u001b');
  });
});
