// The query engine on the smallest snapshots that show each rule: pages both ways, cursors that
// survive a change, the export-control rule, stated numbers and money ranges.
import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../../graph/snapshot.js';
import { queryEntities } from '../../graph/query.js';
import { statedNumber } from '../../graph/query-page.js';
import { exportControls } from '../../graph/export-control.js';
import { parseMoneyRange } from '../../graph/money.js';

function chips(values: (number | undefined)[]) {
  const b = new SnapshotBuilder();
  values.forEach((v, i) => b.addNode(`chip:c${i}`, 'Chip', `Chip ${String.fromCharCode(97 + i)}`, v === undefined ? {} : { memoryGb: v }));
  return b.build(1);
}

describe('queryEntities', () => {
  const s = chips([80, undefined, 96, 80, 141, undefined, 64]);
  const all = (order: 'ASC' | 'DESC') => queryEntities(s, { label: 'Chip', orderBy: [{ field: 'MEMORY_GB', direction: order }], first: 100 }).items.map((i) => s.ids.at(i));

  it('orders absent values last either way, ties by ascending id', () => {
    expect(all('ASC')).toEqual(['chip:c6', 'chip:c0', 'chip:c3', 'chip:c2', 'chip:c4', 'chip:c1', 'chip:c5']);
    expect(all('DESC')).toEqual(['chip:c4', 'chip:c2', 'chip:c0', 'chip:c3', 'chip:c6', 'chip:c1', 'chip:c5']);
  });

  it('walks every page forward and back to the same list', () => {
    const q = { label: 'Chip' as const, orderBy: [{ field: 'MEMORY_GB', direction: 'DESC' as const }] };
    const forward: string[] = [];
    let after: string | null = null;
    do {
      const p = queryEntities(s, { ...q, first: 3, after });
      forward.push(...p.items.map((i) => s.ids.at(i)));
      after = p.hasNextPage ? p.endCursor : null;
    } while (after);
    const back: string[] = [];
    let before: string | null = null;
    do {
      const p = queryEntities(s, { ...q, last: 2, before });
      back.unshift(...p.items.map((i) => s.ids.at(i)));
      before = p.hasPreviousPage ? p.startCursor : null;
    } while (before);
    expect(forward).toEqual(all('DESC'));
    expect(back).toEqual(forward);
  });

  it('resumes after a cursor whose item has gone', () => {
    const p = queryEntities(s, { label: 'Chip', orderBy: [{ field: 'MEMORY_GB' }], first: 2 });
    const without = chips([80, undefined, 96, undefined, 141, undefined, 64]); // c3 (80) lost its value
    const next = queryEntities(without, { label: 'Chip', orderBy: [{ field: 'MEMORY_GB' }], first: 2, after: p.endCursor });
    expect(next.items.map((i) => without.ids.at(i))).toEqual(['chip:c2', 'chip:c4']);
  });
});

describe('export control', () => {
  it('follows regulations in force with a restricting effect, not proposals or other effects', () => {
    const b = new SnapshotBuilder();
    b.addNode('reg:in-force', 'Regulation', 'Rule', { status: 'in_force' });
    b.addNode('reg:proposed', 'Regulation', 'Proposal', { status: 'proposed' });
    b.addNode('reg:later', 'Regulation', 'Later rule', { status: 'in_force', effectiveDate: '2030-01-01' });
    for (const c of ['a', 'b', 'c', 'd']) b.addNode(`chip:${c}`, 'Chip', c, { exportClass: 'ECCN 3A090' });
    b.addNode('nation:cn', 'Nation', 'China');
    b.addEdge('reg:in-force', 'APPLIES_TO', 'chip:a', { effect: 'license_required' });
    b.addEdge('reg:in-force', 'APPLIES_TO', 'chip:b', { effect: 'access' });
    b.addEdge('reg:in-force', 'APPLIES_TO', 'nation:cn', { effect: 'ban' });
    b.addEdge('reg:proposed', 'APPLIES_TO', 'chip:c', { effect: 'ban' });
    b.addEdge('reg:later', 'APPLIES_TO', 'chip:d', { effect: 'ban' });
    const s = b.build();
    const named = (asOf?: string) => [...exportControls(s, asOf ? Date.parse(asOf) : Number.NaN)].map(([i, level]) => `${s.ids.at(i)} ${level}`);
    expect(named('2026-01-01')).toEqual(['chip:a license']);
    expect(named('2031-01-01').sort()).toEqual(['chip:a license', 'chip:d ban']);
  });
});

describe('stated values', () => {
  it.for([
    [0.8999999761581421, 0.9],
    [Math.fround(0.7), 0.7],
    [Math.fround(0.35), 0.35],
    [0.85, 0.85],
    [1, 1],
  ] as const)('%s reads as %s', ([stored, stated]) => {
    expect(statedNumber(stored)).toBe(stated);
  });

  it('keeps both bounds of a money range', () => {
    expect(parseMoneyRange('between $30 and $50 billion')).toMatchObject({ min: { amount: 30e9, currency: 'USD' }, max: { amount: 50e9, currency: 'USD' } });
    expect(parseMoneyRange('$10-15B')).toMatchObject({ min: { amount: 10e9 }, max: { amount: 15e9 } });
    expect(parseMoneyRange('$1.5 billion in equity')).toMatchObject({ min: { amount: 1.5e9 }, max: null });
    expect(parseMoneyRange('no money here')).toBeNull();
  });
});
