// A snapshot's strings and props as plain lists (through its accessors), for tests that compare
// snapshots entry for entry.
import type { Snapshot } from '../../graph/snapshot.js';

const listOf = <T>(n: number, at: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => at(i));

/** Ids, names, node props, aliases, edge ids and edge props of a snapshot, one entry per node or edge. */
export function snapshotLists(s: Snapshot) {
  return {
    ids: listOf(s.nodeCount, (i) => s.id(i)),
    names: listOf(s.nodeCount, (i) => s.name(i)),
    nodeProps: listOf(s.nodeCount, (i) => s.propsOf(i)),
    aliases: listOf(s.nodeCount, (i) => s.aliasesOf(i)),
    edgeIds: listOf(s.edgeCount, (e) => s.edgeId(e)),
    edgeProps: listOf(s.edgeCount, (e) => s.edgePropsOf(e)),
  };
}
