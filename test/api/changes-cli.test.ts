// `chokepoint changes` as a user runs it: import facts, then list what changed since a version,
// as a table and as JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-changes-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const facts = [
  '{"kind":"entity","type":"Chip","id":"chip:x1","name":"X1 <accelerator>"}',
  '{"kind":"entity","type":"Organization","id":"org:fab-one","name":"Fab One","props":{"kind":"foundry"}}',
  '{"kind":"fact","rel":"FABRICATED_BY","subject":{"id":"chip:x1"},"object":{"id":"org:fab-one"},"quote":"Fab One makes the X1.","source":"https://example.org/x1"}',
].join('\n');

describe('chokepoint changes', () => {
  it('lists the claims and relations an import added, newest first, and refuses a bad date in one line', { timeout: 4 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(work, 'data') };
    const file = join(work, 'facts.jsonl');
    writeFileSync(file, `${facts}\n`);
    expect((await runCli(['import', file], env)).code).toBe(0);
    const table = await runCli(['changes', '--since-version', '0'], env);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+AT\s+CHANGE\s+RELATION\s+DOCUMENT$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(2))).toEqual([
      ['claim added', 'chip:x1 FABRICATED_BY org:fab-one', 'https://example.org/x1'],
      ['relation created', 'chip:x1 FABRICATED_BY org:fab-one', 'https://example.org/x1'],
    ]);

    const json = await runCli(['changes', '--type', 'fabricated_by', '--kind', 'created', '--json'], env);
    expect(json.code).toBe(0);
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; rel: string; after: { claimCount: number } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'created', rel: 'FABRICATED_BY', after: { claimCount: 1 } });

    const bad = await runCli(['changes', '--since', '2026-13-01'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('chokepoint changes: --since: expected a date (2026-05-01) or a date-time (2026-05-01T12:00:00Z), got "2026-13-01"\n');
    expect((await runCli(['changes', '--until', '2000-01-01'], env)).stdout).toBe('no changes\n');
  });
});
