// `chokepoint seed`: loads the curated dataset, prints counts by label and relation type, and a
// second run changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-seed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chokepoint seed', () => {
  it('prints counts by label and relation type and is idempotent', { timeout: 5 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(work, 'data') };
    const first = await runCli(['seed'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Deployment\s+\d+$/m);
    expect(first.stdout).toMatch(/^USES_MODEL\s+\d+$/m);
    const dumpA = JSON.parse((await runCli(['export', '--format', 'json'], env)).stdout);
    const second = await runCli(['seed'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/seed: 0 entities, 0 documents, 0 claims added \(0 relations changed\)/);
    expect(second.stdout).toBe(first.stdout);
    const dumpB = JSON.parse((await runCli(['export', '--format', 'json'], env)).stdout);
    expect(dumpB).toEqual(dumpA);
    const reset = await runCli(['seed', '--reset'], env);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toBe(first.stdout);
  });
});
