import { describe, expect, it } from 'vitest';
import { BlockedAddressError, guardedLookup, isBlockedAddress } from '../../ingest/fetch/ssrf-guard.js';
import { HostGate } from '../../ingest/fetch/host-gate.js';
import { loadSourcesConfig } from '../../ingest/scheduler/config.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('SSRF guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00:ec2::254', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['not-an-ip', true],
  ])('%s blocked: %s', (ip, blocked) => expect(isBlockedAddress(ip)).toBe(blocked));
});

describe('guarded DNS lookup', () => {
  const lookup = (allowPrivate: boolean) =>
    new Promise<{ err: Error | null; address: unknown }>((resolve) => guardedLookup(allowPrivate)('localhost', {}, (err, address) => resolve({ err, address })));

  it('refuses a name that resolves to loopback, at connect time', async () => {
    const { err } = await lookup(false);
    expect(err).toBeInstanceOf(BlockedAddressError);
  });

  it('lets it through when private addresses are allowed', async () => {
    const { err, address } = await lookup(true);
    expect(err).toBeNull();
    expect(String(address)).toMatch(/^(127\.|::1)/);
  });
});

describe('per-host politeness', () => {
  it('never runs more than the allowed number of requests to one host at once', async () => {
    const gate = new HostGate(2, 0);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        gate.run('h', async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});

describe('sources.yaml', () => {
  it('the shipped file validates and names real public sources', () => {
    const config = loadSourcesConfig();
    expect(config.jobs.length).toBeGreaterThanOrEqual(4);
    for (const j of config.jobs) for (const u of j.urls) expect(u).toMatch(/^https:\/\//);
  });

  it('names the file and field of a bad entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    const file = join(dir, 'sources.yaml');
    writeFileSync(file, 'jobs:\n  - name: x\n    urls: [https://a.example]\n    schedule: "every day"\n');
    expect(() => loadSourcesConfig(file)).toThrow(/sources\.yaml: jobs\.0\.schedule: expected a cron expression/);
  });
});
