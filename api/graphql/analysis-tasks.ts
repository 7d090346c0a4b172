// The analyses that walk the whole snapshot (reach for dependencies and dependents, k-shortest
// paths, exposure) as one table of tasks that run the same in the serving thread or in a worker
// (analysis-pool.ts), and the snapshot in a form that crosses to a worker (its buffers, in shared
// memory: a message of a few buffers whatever the size of the graph).
import { GraphQLError } from 'graphql';
import { Snapshot, type SnapshotWire } from '../../graph/snapshot.js';
import { reach, type Reach, type Way } from '../../graph/traverse.js';
import { kShortestPaths, type GraphPath } from '../../graph/paths.js';
import { exposure, type ExposureReport } from '../../graph/exposure.js';
import type { Label } from '../../schema/generated/model.js';
import { yieldToLoop } from '../../graph/snapshot-pacing.js';

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

/** A snapshot as it crosses to a worker: its shared buffers (Snapshot.toWire). */
export type PackedSnapshot = SnapshotWire;

/** The data of a snapshot, sent once per graph version to a worker: its arrays and columns are in shared memory, so this copies none of them. */
export function packSnapshot(s: Snapshot): PackedSnapshot {
  return s.toWire();
}

/** The messages of a snapshot sent to a worker: a header (the workers' protocol announces a version by it), then the snapshot. */
export type SnapshotSlice = { header: { version: string | number; canonical: boolean; nodes: number; edges: number } } | { whole: PackedSnapshot };

/** A port as both ends of a snapshot's messages use it (node:worker_threads MessagePort). */
interface SlicePort {
  postMessage(value: unknown): void;
  on(event: 'message', listener: (value: SnapshotSlice) => void): unknown;
}

/**
 * Sends a snapshot over `port`: its header, then its shared buffers in one message (what a patch added to its columns
 * since it was built is copied with them). Before the snapshot lived in shared memory it went in slices of about 2 ms of
 * serialisation each: sent whole, one structured clone of 1M edges held the event loop 1.3–1.6 s.
 */
export async function sendSnapshot(s: Snapshot, port: Pick<SlicePort, 'postMessage'>): Promise<void> {
  port.postMessage({ header: { version: s.version, canonical: s.canonical, nodes: s.nodeCount, edges: s.edgeCount } } satisfies SnapshotSlice);
  await yieldToLoop();
  port.postMessage({ whole: packSnapshot(s) } satisfies SnapshotSlice);
}

/** Receives a snapshot sent by sendSnapshot on `port`. */
export function receiveSnapshot(port: SlicePort): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    port.on('message', (m) => {
      try {
        if ('whole' in m) resolve(unpackSnapshot(m.whole));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

/** The snapshot again, from its packed data (no work per node or edge). */
export function unpackSnapshot(p: PackedSnapshot): Snapshot {
  return Snapshot.fromWire(p);
}

/** The error a task past its deadline stops with (a worker sends its message back; the serving thread rethrows this). */
export function outOfTime(): GraphQLError {
  return new GraphQLError('the request ran out of time', { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
}
