// `extract | import` never creates entities from ambiguous mentions: import skips them, names the
// line, and keeps the exit code of a clean import.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-import-ambiguous-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chokepoint import of ambiguous records', () => {
  it('skips ambiguous entity records and facts on ambiguous endpoints, with their line numbers, exit 0', { timeout: 2 * PER_RUN_MS }, async () => {
    const file = join(work, 'facts.jsonl');
    const lines = [
      { kind: 'entity', type: 'Lab', name: 'Acme Research', id: 'lab:acme-research', source: 'https://example.org/a' },
      { kind: 'entity', type: 'Organization', name: 'Mercury', status: 'ambiguous', candidates: ['org:mercury-a', 'org:mercury-b'], source: 'https://example.org/a' },
      {
        kind: 'fact',
        rel: 'HEADQUARTERED_IN',
        subject: { id: 'lab:acme-research' },
        object: { type: 'Organization', name: 'Mercury', status: 'ambiguous' },
        source: 'https://example.org/a',
        quote: 'Acme and Mercury.',
      },
    ];
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const env = { DATA_DIR: join(work, 'data') };
    const r = await runCli(['import', file], env);
    expect(r.stderr).toContain(`${file}:2: skipped: ambiguous mention "Mercury" (candidates org:mercury-a, org:mercury-b)`);
    expect(r.stderr).toContain(`${file}:3: skipped: ambiguous mention "Mercury"`);
    expect(r.stdout).toContain('1 records loaded');
    expect(r.stdout).toContain('2 skipped as ambiguous');
    expect(r.code).toBe(0);
    const exported = await runCli(['export', '--format', 'json'], env);
    expect(exported.stdout).toContain('lab:acme-research');
    expect(exported.stdout).not.toMatch(/mercury/i);
  });
});
