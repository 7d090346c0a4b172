// `chokepoint serve` as a user runs it: health, the lock on the embedded store, graceful shutdown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli, startServe } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('chokepoint serve', () => {
  it('serves /healthz, holds the embedded store, and stops cleanly on SIGTERM', { timeout: 3 * PER_RUN_MS }, async () => {
    const dataDir = join(work, 'data');
    const { child, url, log, exited } = await startServe(['--port', '0', '--no-seed', '--no-ingest'], { DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'embedded', graphVersion: 0 });
    expect((await fetch(`${url}/nope`)).status).toBe(404);

    const locked = await runCli(['export', '--format', 'json'], { DATA_DIR: dataDir });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toMatch(/in use by another process/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log()).toContain('"msg":"stopped"');
    // the store is free again once the server has stopped
    expect((await runCli(['export', '--format', 'json'], { DATA_DIR: dataDir })).code).toBe(0);
  });
});
