// `chokepoint show <id>` as a user runs it: the record behind an entity, relation or claim id,
// found by the same lookup as the API's node(id); an unknown id is one line and exit code 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relationId } from '../../schema/records.js';
import { PER_RUN_MS, runCli } from '../cli/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-show-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const facts = [
  '{"kind":"entity","type":"Chip","id":"chip:x1","name":"X1"}',
  '{"kind":"entity","type":"Organization","id":"org:fab-one","name":"Fab One","props":{"kind":"foundry"}}',
  '{"kind":"fact","rel":"FABRICATED_BY","subject":{"id":"chip:x1"},"object":{"id":"org:fab-one"},"quote":"Fab One makes the X1.","source":"https://example.org/x1"}',
].join('\n');

describe('chokepoint show', () => {
  it('prints the entity, relation or claim an id names, and refuses an unknown id in one line', { timeout: 6 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: join(work, 'data') };
    const file = join(work, 'facts.jsonl');
    writeFileSync(file, `${facts}\n`);
    expect((await runCli(['import', file], env)).code).toBe(0);

    const entity = await runCli(['show', 'chip:x1'], env);
    expect(entity.code).toBe(0);
    expect(JSON.parse(entity.stdout)).toMatchObject({ kind: 'entity', id: 'chip:x1', label: 'Chip', name: 'X1' });

    const rel = relationId('chip:x1', 'FABRICATED_BY', 'org:fab-one');
    const relation = await runCli(['show', rel], env);
    expect(relation.code).toBe(0);
    expect(JSON.parse(relation.stdout)).toMatchObject({ kind: 'relation', id: rel, type: 'FABRICATED_BY', from: 'chip:x1', to: 'org:fab-one', claimCount: 1 });

    const changes = await runCli(['changes', '--kind', 'added', '--json'], env);
    const claimId = (JSON.parse(changes.stdout.trim().split('\n')[0]!) as { key: string }).key;
    const claim = await runCli(['show', claimId], env);
    expect(claim.code).toBe(0);
    expect(JSON.parse(claim.stdout)).toMatchObject({ kind: 'claim', id: claimId, subject: 'chip:x1', rel: 'FABRICATED_BY', quote: 'Fab One makes the X1.', retracted: false });

    const missing = await runCli(['show', 'claim:nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('chokepoint show: claim:nope: no entity, relation or claim has this id\n');
  });
});
