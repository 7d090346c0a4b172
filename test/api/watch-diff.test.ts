// The difference between two runs of a standing scenario, and the claim changes that explain it.
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../graph/history.js';
import { diffWatched, type WatchedStatuses } from '../../scenarios/watch-diff.js';

const event = (version: number, kind: HistoryEvent['kind'], key: string, relKey: string, entry: HistoryEvent['entry'] = 'claim'): HistoryEvent => ({
  id: `${key}@${version}`,
  entry,
  kind,
  version,
  at: '2026-05-01T00:00:00.000Z',
  key,
  relKey,
  rel: 'RUNS_ON',
  subject: 'x',
  object: 'y',
  documents: ['doc:a'],
  claims: [key],
});

describe('diffWatched', () => {
  const before: WatchedStatuses = {
    'deployment:a': { name: 'A', status: 'BROKEN', relations: ['rel:1'] },
    'deployment:b': { name: 'B', status: 'AT_RISK', relations: ['rel:2'] },
  };
  const after: WatchedStatuses = {
    'deployment:b': { name: 'B', status: 'AT_RISK', relations: ['rel:2'] },
    'deployment:c': { name: 'C', status: 'BROKEN', relations: ['rel:3', 'rel:4'] },
  };
  const events = [event(7, 'retracted', 'claim:1', 'rel:1'), event(7, 'removed', 'rel:1', 'rel:1', 'relation'), event(8, 'added', 'claim:3', 'rel:3'), event(6, 'added', 'claim:9', 'rel:9')];

  it.each([
    ['a deployment freed by a retraction on its old chain', 'deployment:a', 'BROKEN', 'UNAFFECTED', ['claim:1']],
    ['a deployment broken by a new claim on its new chain', 'deployment:c', 'UNAFFECTED', 'BROKEN', ['claim:3']],
  ])('reports %s, with the claim changes that explain it', (_what, id, from, to, causes) => {
    const change = diffWatched(before, after, events).find((c) => c.deployment.id === id)!;
    expect(change).toMatchObject({ before: from, after: to });
    expect(change.causes.map((c) => c.key)).toEqual(causes);
  });

  it('leaves out deployments whose status did not move, and lists the worst new status first', () => {
    expect(diffWatched(before, after, events).map((c) => [c.deployment.id, c.after])).toEqual([
      ['deployment:c', 'BROKEN'],
      ['deployment:a', 'UNAFFECTED'],
    ]);
    expect(diffWatched(before, before, events)).toEqual([]);
  });
});
