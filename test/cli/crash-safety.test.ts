// The embedded store keeps every committed write when the process is killed with SIGKILL in the
// middle of a large import, and never shows half a batch.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { PER_RUN_MS, runCli, spawnCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const N = 6000;
const BATCH = 300;

function bigFile(): string {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(JSON.stringify({ kind: 'entity', type: 'Organization', id: `org:company-${i}`, name: `Company ${i}`, props: { kind: 'company' } }));
  const file = join(work, 'big.jsonl');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('crash safety of the embedded store', () => {
  it('survives SIGKILL mid-import with every committed batch whole, and a re-run completes without duplicates', { timeout: 3 * PER_RUN_MS }, async () => {
    const file = bigFile();
    const dataDir = join(work, 'data');
    const child = spawnCli(['import', file, '--batch', String(BATCH), '--verbose'], { DATA_DIR: dataDir });
    let committed = 0;
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        const all = [...stderr.matchAll(/committed records \d+-(\d+)/g)];
        committed = all.length ? Number(all.at(-1)![1]) : 0;
        if (committed >= 4 * BATCH) {
          child.kill('SIGKILL');
        }
      });
      child.on('close', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(committed).toBeGreaterThanOrEqual(4 * BATCH);
    expect(committed).toBeLessThan(N);

    const store = await openEmbeddedStore({ dataDir });
    const count = (await store.counts()).entities.Organization ?? 0;
    await store.close();
    expect(count).toBeGreaterThanOrEqual(committed);
    expect(count % BATCH).toBe(0);

    const again = await runCli(['import', file, '--batch', String(BATCH)], { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    const after = await openEmbeddedStore({ dataDir });
    expect((await after.counts()).entities.Organization).toBe(N);
    expect((await after.findEntities('Organization', { first: 1, where: { name: 'Company 17' } })).totalCount).toBe(1);
    await after.close();
  });
});
