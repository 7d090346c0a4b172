import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PER_RUN_MS, runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lines = [
  '{"kind":"entity","type":"Chip","name":"NVIDIA H20","aliases":["H20"],"props":{"kind":"gpu"},"source":"a.txt"}',
  '{"kind":"entity","type":"Organization","name":"NVIDIA","id":"org:nvidia","props":{"kind":"chip_designer"}}',
  '{"kind":"fact","rel":"DESIGNED_BY","subject":{"type":"Chip","name":"NVIDIA H20"},"object":{"id":"org:nvidia"},"quote":"NVIDIA designs the H20","source":"a.txt","confidence":0.9}',
  '{"kind":"fact","rel":"FABRICATED_BY","subject":{"type":"Chip","name":"H20"},"object":{"type":"Organization","name":"TSMC"},"source":"https://www.tsmc.com/","confidence":0.95,"unknownField":1}',
  '{not json',
  '{"kind":"fact","rel":"BUILT_BY","subject":{"id":"chip:nvidia-h20"},"object":{"id":"org:nvidia"}}',
  '{"kind":"fact","rel":"DESIGNED_BY","subject":{"id":"chip:nvidia-h20"},"object":{"id":"org:nobody"}}',
  '{"kind":"fact","rel":"DESIGNED_BY","subject":{"id":"nation:cn"},"object":{"id":"org:nvidia"}}',
  '',
  '{"kind":"entity","type":"Deployment","name":"No data classes"}',
];

describe('chokepoint import / export', () => {
  const dataDir = join(work, 'data');
  const file = join(work, 'facts.jsonl');
  writeFileSync(file, lines.join('\n'));

  it('reports every malformed or invalid line by number and reason, loads the rest, and exits 1', { timeout: 2 * PER_RUN_MS }, async () => {
    const r = await runCli(['import', file], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:5: not JSON`);
    expect(r.stderr).toMatch(new RegExp(`${file}:6: rel: Invalid option`));
    expect(r.stderr).toMatch(new RegExp(`${file}:7: unknown entity "org:nobody"`));
    expect(r.stderr).toMatch(new RegExp(`${file}:8: unknown entity "nation:cn"`));
    expect(r.stderr).toMatch(new RegExp(`${file}:10: .*dataClasses`));
    expect(r.stdout).toMatch(/5 rejected/);
    const out = await runCli(['export', '--format', 'jsonl'], { DATA_DIR: dataDir });
    expect(out.code).toBe(0);
    const records = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      records
        .filter((r) => r.kind === 'fact')
        .map((r) => r.rel)
        .sort(),
    ).toEqual(['DESIGNED_BY', 'FABRICATED_BY']);
    expect(records.find((r) => r.kind === 'entity' && r.name === 'TSMC')).toMatchObject({ type: 'Organization', id: 'org:tsmc' });
    expect(records.find((r) => r.rel === 'FABRICATED_BY')).toMatchObject({ subject: { id: 'chip:nvidia-h20' } });
  });

  it('export then import into an empty store gives the same graph', { timeout: 4 * PER_RUN_MS }, async () => {
    const exported = join(work, 'export');
    expect((await runCli(['export', '--format', 'jsonl', '--out', exported], { DATA_DIR: dataDir })).code).toBe(0);
    const copyDir = join(work, 'copy');
    const imp = await runCli(['import', join(exported, 'graph.jsonl')], { DATA_DIR: copyDir });
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    const a = JSON.parse((await runCli(['export', '--format', 'json'], { DATA_DIR: dataDir })).stdout);
    const b = JSON.parse((await runCli(['export', '--format', 'json'], { DATA_DIR: copyDir })).stdout);
    expect(b.entities).toEqual(a.entities);
    expect(b.relations).toEqual(a.relations);
    expect(b.claims).toEqual(a.claims);
  });

  it('writes graphml and csv for other tools, escaping what it writes', { timeout: 2 * PER_RUN_MS }, async () => {
    const out = join(work, 'tables');
    expect((await runCli(['export', '--format', 'csv', '--out', out], { DATA_DIR: dataDir })).code).toBe(0);
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8').split('\n')[0]).toBe('id,label,name,aliases,description,props');
    expect(readFileSync(join(out, 'edges.csv'), 'utf8')).toContain('DESIGNED_BY');
    const g = await runCli(['export', '--format', 'graphml'], { DATA_DIR: dataDir });
    expect(g.stdout).toContain('<graphml');
    expect(g.stdout).toContain('source="chip:nvidia-h20" target="org:nvidia"');
  });

  it('names the bad input in one line and exits 1 on user errors', { timeout: 4 * PER_RUN_MS }, async () => {
    const r = await runCli(['export', '--format', 'xlsx'], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('chokepoint export: --format: expected one of json, jsonl, graphml, csv, got "xlsx"');
    const missing = await runCli(['import', join(work, 'nope.jsonl')], { DATA_DIR: dataDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect((await runCli(['frobnicate'])).code).toBe(1);
    const env = await runCli(['export'], { DATA_DIR: dataDir, STORE: 'neo4j' });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('NEO4J_URI');
  });
});
