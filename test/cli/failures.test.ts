// Every failure a user meets in the first ten minutes is one line naming the input and the cause,
// with the exit code of the README's table (1 a user error, 2 unavailable), never a stack trace.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli, spawnCli, type CliResult } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-failures-'));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const articles = join(import.meta.dirname, '../fixtures/articles');
const article = (prefix: string) =>
  join(
    articles,
    readdirSync(articles).find((f) => f.startsWith(prefix))!,
  );
// random-looking bytes with NULs: an image or archive named like a document
const binary = join(work, 'scan.html');
writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256)));

/** Asserts a run failed with `code` and said so in exactly one line matching `pattern`. */
function oneLine(r: CliResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A TCP server on loopback: `silent` accepts and never answers (a port that does not speak Bolt). */
async function listen(silent: boolean): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => {
    s.on('error', () => undefined);
    if (!silent) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('the store and the port', () => {
  it('a port in use is one line naming the port, exit 2', { timeout: 2 * PER_RUN_MS }, async () => {
    const { server, port } = await listen(true);
    try {
      const r = await runCli(['serve', '--port', String(port), '--no-seed', '--no-ingest'], { DATA_DIR: join(work, 'port-data'), HOST: '127.0.0.1' });
      oneLine(r, 2, new RegExp(`^chokepoint serve: port ${port} \\(127\\.0\\.0\\.1:${port}\\) is already in use`));
      // the store it had opened is closed again: another command can take it
      expect((await runCli(['export', '--format', 'json'], { DATA_DIR: join(work, 'port-data') })).code).toBe(0);
    } finally {
      server.close();
    }
  });

  it('a DATA_DIR that is a file is named as such, exit 1', { timeout: PER_RUN_MS }, async () => {
    const file = join(work, 'not-a-dir');
    writeFileSync(file, 'x');
    oneLine(await runCli(['export'], { DATA_DIR: file }), 1, /^chokepoint export: DATA_DIR \S+not-a-dir: a file stands where the store's directory belongs/);
  });

  it('a DATA_DIR the process may not write is "permission denied", exit 1', { timeout: PER_RUN_MS }, async () => {
    const dir = join(work, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    // root writes anywhere: run the command as nobody, as an unprivileged user would
    const asNobody = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const r = await runCli(['export'], { DATA_DIR: dir }, undefined, asNobody);
    oneLine(r, 1, /^chokepoint export: DATA_DIR \S+read-only: permission denied/);
  });

  it('a NEO4J_URI that does not speak Bolt gives up after the connect timeout, exit 2, no hang', { timeout: 2 * PER_RUN_MS }, async () => {
    const { server, port } = await listen(true);
    try {
      const r = await runCli(['seed'], { STORE: 'neo4j', NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'secret-pw' });
      oneLine(r, 2, new RegExp(`^chokepoint seed: Neo4j at bolt://127\\.0\\.0\\.1:${port} did not answer within 5 s`));
      expect(r.stderr).not.toContain('secret-pw');
    } finally {
      server.close();
    }
  });

  it('a NEO4J_URI of an unknown scheme is a user error, exit 1', { timeout: PER_RUN_MS }, async () => {
    oneLine(await runCli(['export'], { STORE: 'neo4j', NEO4J_URI: 'ftp://127.0.0.1:7687' }), 1, /^chokepoint export: NEO4J_URI ftp:\/\/127\.0\.0\.1:7687: .*scheme/i);
  });
});

describe('pipes and standard input', () => {
  /** Starts `chokepoint ...args`, reads the first bytes of stdout, then closes the pipe as `head` does. */
  async function readHeadThenClose(args: string[], env: Record<string, string>): Promise<CliResult> {
    const child = spawnCli(args, env);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdout!.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stdout: '', stderr };
  }

  it('extract and export piped into a reader that stops early end quietly, exit 0', { timeout: 4 * PER_RUN_MS }, async () => {
    // 001 yields about 100 KB of records, more than a pipe holds
    const extracted = await readHeadThenClose(['extract', article('001_')], {});
    expect(extracted).toEqual({ code: 0, stdout: '', stderr: '' });
    const dataDir = join(work, 'pipe-data');
    expect((await runCli(['seed'], { DATA_DIR: dataDir })).code).toBe(0);
    const exported = await readHeadThenClose(['export', '--format', 'jsonl'], { DATA_DIR: dataDir });
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('`extract doc | import` loads what extract printed; `import -` reads stdin and accepts a BOM', { timeout: 3 * PER_RUN_MS }, async () => {
    const dataDir = join(work, 'stdin-data');
    const extract = spawnCli(['extract', article('000_')]);
    const load = spawnCli(['import'], { DATA_DIR: dataDir });
    extract.stdout!.pipe(load.stdin!);
    let out = '';
    load.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const [extracted, loaded] = await Promise.all([new Promise<number | null>((resolve) => extract.on('close', resolve)), new Promise<number | null>((resolve) => load.on('close', resolve))]);
    expect(extracted).toBe(0);
    expect(loaded).toBe(0);
    expect(out).toMatch(/^standard input: [1-9]\d* records loaded \(\d+ entities written, [1-9]\d* claims added\), 0 rejected/);

    const bom = `\ufeff${JSON.stringify({ kind: 'entity', type: 'Chip', name: 'Bom Chip 1' })}\n`;
    const r = await runCli(['import', '-'], { DATA_DIR: dataDir }, bom);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('standard input: 1 records loaded');
  });
});

describe('binary and hostile input', () => {
  it('extract, import and ingest file refuse binary bytes by content, naming the file, exit 1', { timeout: 4 * PER_RUN_MS }, async () => {
    const dataDir = join(work, 'binary-data');
    oneLine(await runCli(['extract', binary]), 1, /^chokepoint extract: \S+scan\.html: binary content, not text/);
    oneLine(await runCli(['import', binary], { DATA_DIR: dataDir }), 1, /^chokepoint import: \S+scan\.html: binary content, not text \(expected JSONL fact records\)/);
    oneLine(await runCli(['ingest', 'file', binary], { DATA_DIR: dataDir }), 1, /^ingest: \S+scan\.html: binary content, not text/);
    // nothing was stored under its name
    const dump = await runCli(['export', '--format', 'json'], { DATA_DIR: dataDir });
    expect(dump.stdout).not.toContain('scan.html');
  });

  it('import shows control characters from the file as U+FFFD, never as terminal escapes', { timeout: PER_RUN_MS }, async () => {
    const file = join(work, 'escapes.jsonl');
    writeFileSync(file, `{"kind":"entity","type":"Chip\u001b]0;pwned\u0007","name":"x"}\n{"kind":"bogus\u009b31m"}\n`);
    const r = await runCli(['import', file], { DATA_DIR: join(work, 'escape-data') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/escapes\.jsonl:1: /);
    expect(r.stderr).toMatch(/escapes\.jsonl:2: /);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('exit codes and option values', () => {
  it('names bad input once, with exit 1, and takes enum values in any case', { timeout: 10 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(work, 'options-data') };
    oneLine(await runCli(['ingest', 'file', 'ftp://example.org/report.html'], env), 1, /^chokepoint ingest: ftp:\/\/example\.org\/report\.html: unsupported URL scheme "ftp:"/);
    oneLine(await runCli(['chokepoints', '--top', '-1'], env), 1, /^chokepoint chokepoints: --top: /);
    oneLine(await runCli(['chokepoints', '--top=-1'], env), 1, /^chokepoint chokepoints: --top: expected a whole number of at least 0, got "-1"$/);
    oneLine(await runCli(['import', 'missing.jsonl'], env), 1, /^chokepoint import: missing\.jsonl: no such file$/);
    oneLine(await runCli(['import', work], env), 1, /^chokepoint import: \S+: is a directory, expected a file$/);
    oneLine(await runCli(['export', '--format', 'json', '--out', binary], env), 1, /^chokepoint export: --out \S+scan\.html: a file stands where the directory belongs$/);
    oneLine(await runCli(['scenario', 'list'], { ...env, CHOKEPOINT_SERVER: 'localhost:4000' }), 1, /^chokepoint scenario: CHOKEPOINT_SERVER: expected an http:\/\/ or https:\/\/ URL/);
    const chips = await runCli(['chokepoints', '--type', 'chip', '--top', '3', '--json'], env);
    expect(chips.code, chips.stderr).toBe(0);
    expect(JSON.parse(chips.stdout)).toEqual([]);
    const extracted = await runCli(['extract', '--kind', 'NEWS', '--entities', 'None', article('003_')]);
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(extracted.stdout.length).toBeGreaterThan(0);
  });

  it('ingest --once exits 1 when a document of a job failed, and says which', { timeout: 2 * PER_RUN_MS }, async () => {
    const { server, port } = await listen(false);
    try {
      const sources = join(work, 'failing-sources.yaml');
      writeFileSync(sources, `defaults:\n  fetch: { retries: 0, timeoutMs: 3000 }\njobs:\n  - name: closed-port\n    urls: ['http://127.0.0.1:${port}/gone']\n`);
      const r = await runCli(['ingest', '--once', '--config', sources, '--allow-private'], { DATA_DIR: join(work, 'once-data') });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('closed-port');
      expect(r.stderr).toContain(`ingest: http://127.0.0.1:${port}/gone: `);
    } finally {
      server.close();
    }
  });
});
