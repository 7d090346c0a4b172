// The analyses that walk the whole snapshot (reach for dependencies and dependents, k-shortest
// paths, exposure) as one table of tasks that run the same in the serving thread or in a worker
// (analysis-pool.ts), and the snapshot in a form that crosses to a worker (structured clone).
import { GraphQLError } from 'graphql';
import { Snapshot } from '../../graph/snapshot.js';
import { reach, type Reach, type Way } from '../../graph/traverse.js';
import { kShortestPaths, type GraphPath } from '../../graph/paths.js';
import { exposure, type ExposureReport } from '../../graph/exposure.js';
import type { Label } from '../../schema/generated/model.js';

/** One analysis on a snapshot: nodes by index, dates as epoch ms (NaN: now). */
export type AnalysisTask =
  | { kind: 'reach'; root: number; way: Way; depth: number; asOfMs: number }
  | { kind: 'paths'; from: number; to: number; maxLength: number; k: number; directed: boolean; asOfMs: number }
  | { kind: 'exposure'; nation: number; subjects: Label[]; depth: number; asOfMs: number };

/** What each kind of task answers. */
export interface AnalysisResults {
  reach: Reach;
  paths: GraphPath[];
  exposure: ExposureReport;
}

/** Runs one task on a snapshot; `check` throws to stop it (a request past its deadline). */
export function runAnalysis<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, check: () => void): AnalysisResults[K];
export function runAnalysis(s: Snapshot, task: AnalysisTask, check: () => void): AnalysisResults[AnalysisTask['kind']] {
  switch (task.kind) {
    case 'reach':
      return reach(s, task.root, task.way, task.depth, task.asOfMs);
    case 'paths':
      return kShortestPaths(s, task.from, task.to, { maxLength: task.maxLength, k: task.k, directed: task.directed, asOfMs: task.asOfMs, check });
    case 'exposure':
      return exposure(s, task.nation, { subjects: task.subjects, asOfMs: task.asOfMs, depth: task.depth, check });
  }
}

/** A snapshot's data without its derived indexes: what a worker needs to rebuild it. */
export type PackedSnapshot = Omit<ConstructorParameters<typeof Snapshot>[1], 'index'> & { version: string | number };

/** The data of a snapshot, sent once per graph version to a worker. */
export function packSnapshot(s: Snapshot): PackedSnapshot {
  return {
    version: s.version,
    ids: s.ids as PackedSnapshot['ids'],
    labelOf: s.labelOf,
    names: s.names as PackedSnapshot['names'],
    nodeProps: s.nodeProps as PackedSnapshot['nodeProps'],
    aliases: s.aliases as PackedSnapshot['aliases'],
    edgeFrom: s.edgeFrom,
    edgeTo: s.edgeTo,
    edgeType: s.edgeType,
    edgeProps: s.edgeProps as PackedSnapshot['edgeProps'],
    edgeIds: s.edgeIds as PackedSnapshot['edgeIds'],
    edgeValidFrom: s.edgeValidFrom,
    edgeValidTo: s.edgeValidTo,
    edgeConfidence: s.edgeConfidence,
    canonical: s.canonical,
  };
}

/** The snapshot again, from its packed data. */
export function unpackSnapshot(p: PackedSnapshot): Snapshot {
  const { version, ...data } = p;
  return new Snapshot(version, { ...data, index: new Map(data.ids.map((id, i) => [id, i])) });
}

/** The error a task past its deadline stops with (a worker sends its message back; the serving thread rethrows this). */
export function outOfTime(): GraphQLError {
  return new GraphQLError('the request ran out of time', { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
}
