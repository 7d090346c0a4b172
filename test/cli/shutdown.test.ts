// `chokepoint serve` started as a user starts it (without the test runner's environment, where
// Apollo installs its own signal handler): SIGTERM and SIGINT drain, close the store, log
// "stopped" and exit 0; a second signal exits at once; a hand-off never runs a sources file the
// server does not own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli, startServe as startServeCli, type ServeProcess } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-shutdown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts serve without the test environment; resolves with its URL once it listens. */
function startServe(dataDir: string): Promise<ServeProcess> {
  return startServeCli(['--port', '0', '--no-seed', '--no-ingest'], { DATA_DIR: dataDir, LOG_LEVEL: 'info', HOST: '127.0.0.1', API_KEYS: 'ed:editor' }, { asUser: true });
}

/** Waits until the server's log contains `text`. */
async function logged(log: () => string, text: string): Promise<void> {
  while (!log().includes(text)) await new Promise((r) => setTimeout(r, 50));
}

describe('serve outside the test runner', () => {
  it('stops on SIGTERM: drains, closes the store, logs "stopped", exit 0; refuses to run a sources file it does not own', { timeout: 4 * PER_RUN_MS }, async () => {
    const dataDir = join(work, 'term');
    const { child, url, log, exited } = await startServe(dataDir);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const sources = join(work, 'mine.yaml');
    writeFileSync(sources, "jobs:\n  - name: mine\n    urls: ['https://example.org/feed.xml']\n");
    const handoff = await runCli(['ingest', '--once', '--config', sources, '--server', url, '--api-key', 'ed'], { DATA_DIR: dataDir });
    expect(handoff.code).toBe(1);
    expect(handoff.stderr.trim().split('\n')).toHaveLength(1);
    expect(handoff.stderr).toMatch(/^chokepoint ingest: --config \S+mine\.yaml: the server at http:\/\/127\.0\.0\.1:\d+ holds the store and runs only the jobs of its own sources file/);
    expect(log()).not.toContain('runIngestJobs');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log()).toContain('"msg":"stopped"');
    // the store was closed: another process opens it at once
    expect((await runCli(['export', '--format', 'json'], { DATA_DIR: dataDir })).code).toBe(0);
  });

  it('stops on SIGINT the same way, and a second signal during the drain exits at once', { timeout: 4 * PER_RUN_MS }, async () => {
    const first = await startServe(join(work, 'int'));
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.log()).toContain('"msg":"stopped"');

    const second = await startServe(join(work, 'twice'));
    // a request still arriving keeps the drain waiting (for up to ten seconds)
    const port = Number(new URL(second.url).port);
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    second.child.kill('SIGTERM');
    await logged(second.log, 'shutting down');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(143);
    expect(second.log()).toContain('second signal');
    expect(second.log()).not.toContain('"msg":"stopped"');
    socket.destroy();
  });
});
