// The analyses that walk the whole snapshot (reach for dependencies and dependents, k-shortest
// paths, exposure) as one table of tasks that run the same in the serving thread or in a worker
// (analysis-pool.ts), and the snapshot in a form that crosses to a worker (packed, and sent in
// slices so that no single structured clone holds the event loop).
import { GraphQLError } from 'graphql';
import { Snapshot } from '../../graph/snapshot.js';
import { reach, type Reach, type Way } from '../../graph/traverse.js';
import { kShortestPaths, type GraphPath } from '../../graph/paths.js';
import { exposure, type ExposureReport } from '../../graph/exposure.js';
import type { Label } from '../../schema/generated/model.js';
import { SLICE_MS, yieldToLoop } from '../../graph/snapshot-pacing.js';

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

/** The fields of a packed snapshot that hold one JS value per node or edge (strings, props, aliases). */
const LIST_FIELDS = ['ids', 'names', 'nodeProps', 'aliases', 'edgeIds', 'edgeProps'] as const;
/** The typed-array fields, and how to make each on the receiving side. */
const ARRAY_FIELDS = {
  labelOf: (n: number) => new Uint8Array(n),
  edgeFrom: (n: number) => new Int32Array(n),
  edgeTo: (n: number) => new Int32Array(n),
  edgeType: (n: number) => new Uint8Array(n),
  edgeValidFrom: (n: number) => new Float64Array(n),
  edgeValidTo: (n: number) => new Float64Array(n),
  edgeConfidence: (n: number) => new Float32Array(n),
} as const;
type ArrayField = keyof typeof ARRAY_FIELDS;
type ListField = (typeof LIST_FIELDS)[number];

/** One message of a snapshot sent in slices. */
export type SnapshotSlice =
  | { header: { version: string | number; canonical: boolean; nodes: number; edges: number } }
  | { list: ListField; items: unknown[] }
  | { array: ArrayField; at: number; part: ArrayBufferView }
  | { done: true };

/** A port as both ends of a snapshot's slices use it (node:worker_threads MessagePort). */
interface SlicePort {
  postMessage(value: unknown, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (value: SnapshotSlice) => void): unknown;
}

/**
 * Sends a snapshot over `port` in slices of about `sliceMs` of serialisation each, serving the
 * event loop between them. Sent whole (one structured clone), a snapshot of 1M edges held the event
 * loop 1.3–1.6 s on 2 busy cores, at every graph version an expensive query met.
 */
export async function sendSnapshot(s: Snapshot, port: Pick<SlicePort, 'postMessage'>, sliceMs = SLICE_MS): Promise<void> {
  const p = packSnapshot(s);
  port.postMessage({ header: { version: s.version, canonical: p.canonical, nodes: s.nodeCount, edges: s.edgeCount } } satisfies SnapshotSlice);
  let size = 1_000;
  /** sizes the next slice by what this one took: towards sliceMs, at most doubling */
  const timed = async (send: (n: number) => number) => {
    const started = performance.now();
    const sent = send(size);
    const ms = performance.now() - started;
    size = Math.max(100, Math.min(size * 2, Math.floor((sent * sliceMs) / Math.max(ms, 0.01))));
    await yieldToLoop();
  };
  for (const list of LIST_FIELDS) {
    const values = p[list] as readonly unknown[];
    for (let at = 0; at < values.length;)
      await timed((n) => {
        const items = values.slice(at, at + n);
        port.postMessage({ list, items } satisfies SnapshotSlice);
        at += items.length;
        return items.length;
      });
  }
  for (const array of Object.keys(ARRAY_FIELDS) as ArrayField[]) {
    const values = p[array];
    // a copy of the slice, moved (a view would clone its whole buffer)
    for (let at = 0; at < values.length;)
      await timed((n) => {
        const part = values.slice(at, at + n * 16);
        // counted before the move: a moved buffer reads as empty
        const count = part.length;
        port.postMessage({ array, at, part } satisfies SnapshotSlice, [part.buffer as ArrayBuffer]);
        at += count;
        return count / 16;
      });
  }
  port.postMessage({ done: true } satisfies SnapshotSlice);
}

/** Receives a snapshot sent by sendSnapshot on `port`. */
export function receiveSnapshot(port: SlicePort): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    let version: string | number = 0;
    let canonical = false;
    const lists = Object.fromEntries(LIST_FIELDS.map((f) => [f, [] as unknown[]])) as Record<ListField, unknown[]>;
    const arrays = {} as { [K in ArrayField]: ReturnType<(typeof ARRAY_FIELDS)[K]> };
    port.on('message', (m) => {
      try {
        if ('header' in m) {
          ({ version, canonical } = m.header);
          for (const f of Object.keys(ARRAY_FIELDS) as ArrayField[]) (arrays as Record<ArrayField, ArrayBufferView>)[f] = ARRAY_FIELDS[f](f === 'labelOf' ? m.header.nodes : m.header.edges);
        } else if ('list' in m) {
          const into = lists[m.list];
          for (const item of m.items) into.push(item);
        } else if ('array' in m) (arrays[m.array] as unknown as { set(a: ArrayBufferView, at: number): void }).set(m.part, m.at);
        else resolve(unpackSnapshot({ version, canonical, ...(lists as unknown as Pick<PackedSnapshot, ListField>), ...arrays }));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
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
