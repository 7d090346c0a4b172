// The reserve of shared buffers a snapshot's next patch takes its arrays from: buffers of the sizes the
// last patch asked for, written page by page in a thread of their own, zero-filled as new ones are; small
// ones are always new; and a patch on buffers from the reserve is the patch made on new ones.
import { afterEach, describe, expect, it } from 'vitest';
import { WarmMemory } from '../../graph/snapshot-memory.js';
import { Snapshot } from '../../graph/snapshot.js';
import { runNow } from '../../graph/snapshot-pacing.js';
import { relationId, type EntityRecord, type RelationRecord } from '../../schema/records.js';
import { snapshotContents as contents } from './snapshot-helpers.js';

const MB = 2 ** 20;
const memories: WarmMemory[] = [];
afterEach(async () => {
  await Promise.all(memories.splice(0).map((m) => m.close()));
});
function reserve(): WarmMemory {
  const m = new WarmMemory();
  memories.push(m);
  return m;
}
async function written(m: WarmMemory): Promise<void> {
  while (m.writingCount) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("the reserve of a patch's buffers", () => {
  it('gives the sizes the last patch asked for from buffers written beforehand, zero-filled, and new ones for the rest', async () => {
    const m = reserve();
    // nothing in the reserve yet: new buffers
    expect(m.buffer(2 * MB).byteLength).toBe(2 * MB);
    expect(m.buffer(MB).byteLength).toBe(MB);
    expect(m.made).toBe(2);
    m.refill();
    await written(m);
    expect(m.bytes).toBeGreaterThanOrEqual(3 * MB);
    // the next patch asks a little more: it is given the buffers written, at least as large, all zero
    const big = m.buffer(2 * MB + 4096);
    const small = m.buffer(MB + 8);
    expect(m.taken).toBe(2);
    expect(big.byteLength).toBeGreaterThanOrEqual(2 * MB + 4096);
    expect(small.byteLength).toBeGreaterThanOrEqual(MB + 8);
    expect(new Uint8Array(big).every((b) => b === 0)).toBe(true);
    expect(new Uint8Array(small).every((b) => b === 0)).toBe(true);
    // a size far from any in the reserve, and a small one, are new
    expect(m.buffer(64 * MB).byteLength).toBe(64 * MB);
    expect(m.buffer(1000).byteLength).toBe(1000);
    expect(m.made).toBe(3);
    // the refill after it is for the sizes this one asked for; the buffers taken are never given again
    m.refill();
    await written(m);
    const again = [m.buffer(2 * MB + 4096), m.buffer(MB + 8), m.buffer(64 * MB)];
    expect(m.taken).toBe(5);
    expect(again).not.toContain(big);
    expect(again).not.toContain(small);
  });

  it('makes the same patched snapshot on buffers of the reserve as on new ones', async () => {
    const chips = Array.from({ length: 50 }, (_, i): EntityRecord => ({ id: `chip:c${i}`, label: 'Chip', name: `Chip ${i}`, aliases: [], props: {} }));
    const deployments = Array.from({ length: 20_000 }, (_, i): EntityRecord => ({ id: `deployment:d${i}`, label: 'Deployment', name: `D ${i}`, aliases: [], props: {} }));
    const relation = (from: string, to: string): RelationRecord => ({ id: relationId(from, 'RUNS_ON', to), type: 'RUNS_ON', from, to, props: {}, confidence: 0.5, claimCount: 1 });
    // 80,000 edges: the edge arrays are over the size the reserve keeps
    const base = Snapshot.canonical(
      [...chips, ...deployments],
      deployments.flatMap((d, i) => [0, 1, 2, 3].map((k) => relation(d.id, `chip:c${(i + k * 7) % 50}`))),
      1,
    );
    const m = reserve();
    let s = base;
    for (let step = 0; step < 3; step++) {
      const fresh: EntityRecord = { id: `deployment:a${step}`, label: 'Deployment', name: `Added ${step}`, aliases: [], props: {} };
      const changes = {
        entities: [fresh, { ...deployments[step]!, name: `Renamed ${step}` }],
        relations: [relation(fresh.id, 'chip:c3'), relation('deployment:d7', `chip:c${10 + step}`)],
        removed: [],
      };
      const onReserve = runNow(s.applyChangesSteps(changes, step + 2, m));
      expect(contents(onReserve)).toEqual(contents(s.applyChanges(changes, step + 2)));
      m.refill();
      await written(m);
      s = onReserve;
    }
    expect(m.taken).toBeGreaterThan(0);
  });
});
