// Shared by the snapshot tests: everything a snapshot holds, array for array.
import type { Snapshot } from '../../graph/snapshot.js';

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
