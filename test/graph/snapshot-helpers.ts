// Shared by the snapshot tests: embedded stores closed after each test, and everything a snapshot holds, array for array.
import { afterEach } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { CypherGraphStore } from '../../graph/cypher/cypher-store.js';
import type { Snapshot } from '../../graph/snapshot.js';

/** An opener of in-memory embedded stores (ids listed in shuffled order), each closed after the test that opened it. */
export function embeddedStores(): (changeLogVersions?: number) => Promise<CypherGraphStore> {
  const open: CypherGraphStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (changeLogVersions) => {
    const s = await openEmbeddedStore({ dataDir: ':memory:', shuffleUnordered: true, ...(changeLogVersions ? { changeLogVersions } : {}) });
    open.push(s);
    return s;
  };
}

/** Everything a snapshot holds, array for array (equal snapshots answer every question alike). */
export function snapshotContents(s: Snapshot) {
  return {
    version: Number(s.version),
    ids: [...s.ids],
    labels: [...s.labelOf],
    names: [...s.names],
    nodeProps: [...s.nodeProps],
    aliases: [...s.aliases],
    from: [...s.edgeFrom],
    to: [...s.edgeTo],
    type: [...s.edgeType],
    edgeIds: [...s.edgeIds],
    edgeProps: [...s.edgeProps],
    validFrom: [...s.edgeValidFrom],
    validTo: [...s.edgeValidTo],
    confidence: [...s.edgeConfidence],
    out: [...s.outOffsets, -1, ...s.outEdges],
    in: [...s.inOffsets, -1, ...s.inEdges],
  };
}
