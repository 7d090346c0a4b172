// One value model for both stores: what Neo4j cannot store as a property (nested maps, lists of
// lists, mixed lists, nulls inside a list, non-finite numbers) is refused by the domain model's
// validation before any write, naming the field, on every path: the store's write and the import
// of fact records (the offending line is rejected, the rest loads; the record format itself
// drops a value that is not a scalar or a list of scalars, schema/records.ts propsSchema).
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { factsToBatch, parseFactLines } from '../../graph/facts.js';
import { propsProblem, storableProblem } from '../../schema/validate.js';

describe('storable property values', () => {
  it.each([
    ['a string', 'x'],
    ['a number', 4.5],
    ['a boolean', true],
    ['null (not stored)', null],
    ['a list of strings', ['en', 'zh']],
    ['a list of numbers, whole and fractional', [1, 2.5]],
    ['an empty list', []],
  ])('accepts %s', (_what, value) => {
    expect(storableProblem('props.x', value)).toBeNull();
  });

  it.each([
    ['a mixed list', [1, 'a', true], 'props.x: a list must hold values of one type, got number and string and boolean in "[1,\\"a\\",true]"'],
    ['a nested map', { node: '4N' }, 'props.x: expected a string, number, boolean or a list of one of them, got a map "{\\"node\\":\\"4N\\"}"'],
    ['a list of maps', [{ a: 1 }], 'props.x: a list may hold only strings, numbers or booleans, got a map in "[{\\"a\\":1}]"'],
    ['a list of lists', [[1], [2]], 'props.x: a list may hold only strings, numbers or booleans, got a list in "[[1],[2]]"'],
    ['a null inside a list', ['a', null], 'props.x: a list may hold only strings, numbers or booleans, got a null in "[\\"a\\",null]"'],
    ['an infinite number', Infinity, 'props.x: Infinity is not a finite number'],
  ])('refuses %s, naming the field', (_what, value, message) => {
    expect(storableProblem('props.x', value)).toBe(message);
  });

  it('names the key of the first bad value of a props map', () => {
    expect(propsProblem('props', { kind: 'gpu', tags: ['a', 2] })).toMatch(/^props\.tags: a list must hold values of one type/);
    expect(propsProblem('props', { kind: 'gpu' })).toBeNull();
  });
});

describe('importing fact records with values Neo4j cannot store', () => {
  it('rejects those lines, naming the field, and keeps the others', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      const text = [
        JSON.stringify({ kind: 'entity', type: 'Chip', name: 'Good Chip', props: { kind: 'gpu' } }),
        JSON.stringify({ kind: 'entity', type: 'Chip', name: 'Mixed Chip', props: { kind: 'gpu', tags: [1, 'a', true] } }),
        JSON.stringify({ kind: 'entity', type: 'Organization', name: 'Maker', props: { kind: 'chip_designer' } }),
        JSON.stringify({ kind: 'entity', type: 'Chip', name: 'Mixed Aliases Chip', props: { kind: 'gpu', ports: [4, '8'] } }),
      ].join('\n');
      const parsed = parseFactLines(text);
      const { batch, rejected } = await factsToBatch(parsed.records, store, { defaultSource: 'import.jsonl' });
      expect([...parsed.rejected, ...rejected].map((r) => [r.line, r.reason.split(':')[0]]).sort()).toEqual([
        [2, 'props.tags'],
        [4, 'props.ports'],
      ]);
      await store.write(batch);
      expect((await store.findEntities('Chip')).items.map((e) => e.name)).toEqual(['Good Chip']);
    } finally {
      await store.close();
    }
  });
});
