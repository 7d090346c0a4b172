// An empty store is seeded by one process however many start at once: the one holding the seed
// lease seeds; the others are told another process is seeding, or that the graph is there.
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { SEED_LEASE, seedIfEmpty } from '../../api/seeding.js';

describe('seeding an empty store once', () => {
  it('seeds under the lease, and a second start finds the graph there', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      const first = await seedIfEmpty(store);
      expect(first).not.toBe('busy');
      expect(first).not.toBe('present');
      expect(await seedIfEmpty(store)).toBe('present');
      // the lease is free again
      expect(await store.acquireLease(SEED_LEASE, 'later', 1000)).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it('leaves the seeding to the process that holds the lease', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      expect(await store.acquireLease(SEED_LEASE, 'other-replica', 60_000)).not.toBeNull();
      expect(await seedIfEmpty(store)).toBe('busy');
      expect(await store.graphVersion()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
