// A replica's whole-graph read with its decoding and packing in a worker thread. Run on the serving
// thread, in pages and slices (readSnapshot in snapshot-cache.ts), the read made 26–28
// young-generation collections of 5–7 ms each at 100k edges, since the records it decoded and the
// snapshot it packed survived them, and a request's p99 while it ran was 8–9× idle. Here the worker
// asks the serving thread for pages (the serving thread owns the store: the embedded database is
// opened once per process), builds the canonical snapshot in its own heap, and hands it over: the
// typed arrays (topology, adjacency, id index, the text columns' ends) moved, not copied, and the
// text columns (ids, names, edge ids, props and aliases as JSON) one chunk at a time, each one
// string. The serving thread makes no object per node or edge (a first trial of this design,
// commit 9844fd4, handed over some 250k small objects at 100k edges and gained nothing). The
// serving thread sizes the pages it answers to hold its event loop about SLICE_MS each, as the
// paced read does.
import { Worker } from 'node:worker_threads';
import type { EntityRecord, RelationRecord } from '../schema/records.js';
import { CanonicalBuilder, Snapshot, type Packed } from './snapshot.js';
import { PageSizer, yieldToLoop } from './snapshot-pacing.js';
import type { TextColumn } from './snapshot-text.js';
import type { GraphStore } from './store.js';
import { decodeWholeGraphRows } from './embedded/grafeo-rows.js';

/** A read the worker asks of the serving thread's store (one at a time), numbered. */
type ReadRequest = { method: 'graphVersion' } | { method: 'entityIds'; after: string; limit: number } | { method: 'getEntities' | 'relationsFrom'; ids: string[] };
type ReadCall = ReadRequest & { call: number };

/** The answer to a read: its value, and how much of what was asked it covers (a limit lowered, the first `served` ids); `rows`: a page as the embedded database returned it, for the worker to decode. */
interface ReadAnswer {
  call: number;
  value: unknown;
  served: number;
  rows?: boolean;
}

/** The typed arrays of a snapshot, adjacency, id index and the text columns' ends included: moved to the serving thread in one message. */
interface Arrays {
  labelOf: Uint8Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeValidFrom: Float64Array;
  edgeValidTo: Float64Array;
  edgeConfidence: Float32Array;
  outOffsets: Int32Array;
  outEdges: Int32Array;
  inOffsets: Int32Array;
  inEdges: Int32Array;
  index: Int32Array;
  idsEnds: Int32Array;
  namesEnds: Int32Array;
  nodePropsEnds: Int32Array;
  aliasesEnds: Int32Array;
  edgeIdsEnds: Int32Array;
  edgePropsEnds: Int32Array;
}

/** The text columns of a snapshot, whose chunks (one string each) are sent one per message. */
const TEXTS = ['ids', 'names', 'nodeProps', 'aliases', 'edgeIds', 'edgeProps'] as const;
type TextName = (typeof TEXTS)[number];

/** What the worker sends: reads, the built snapshot's header and arrays, then its text chunks one by one. */
type FromWorker = ReadCall | { built: { version: string | number; canonical: boolean; arrays: Arrays } } | { text: TextName; chunk: string } | { done: true };
/** What the serving thread sends: answers, and requests for the next text chunk. */
type ToWorker = ReadAnswer | { more: true };

/** The end of a port both sides use (worker_threads' parentPort in the worker, the Worker itself in the serving thread). */
interface Port {
  postMessage(value: unknown, transfer?: readonly ArrayBuffer[]): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
}

/**
 * The worker's side: reads the whole graph through the serving thread in pages of at most
 * `pageSize` entities (the serving thread may answer fewer), builds the canonical snapshot as
 * readSnapshot does, and hands it over (see the top of this file).
 */
export async function buildInWorker(port: Port, pageSize: number): Promise<void> {
  const inbox = new Inbox<ToWorker>(port);
  let calls = 0;
  const read = async (call: ReadRequest): Promise<ReadAnswer> => {
    port.postMessage({ ...call, call: ++calls });
    const answer = await inbox.next();
    if (!('call' in answer) || answer.call !== calls) throw new Error('snapshot worker: an answer out of turn');
    return answer;
  };
  const version = (await read({ method: 'graphVersion' })).value as number;
  const builder = new CanonicalBuilder();
  const ids: string[] = [];
  for (let after = ''; ;) {
    const { value, served } = await read({ method: 'entityIds', after, limit: pageSize * 20 });
    const page = value as string[];
    for (const id of page) ids.push(id);
    if (page.length < served) break;
    after = page.at(-1)!;
  }
  for (let i = 0; i < ids.length;) {
    const slice = ids.slice(i, i + pageSize);
    const { value, served, rows } = await read({ method: 'getEntities', ids: slice });
    const found = rows ? new Map(decodeWholeGraphRows('entities', value as unknown[]).map((e) => [e.id, e])) : (value as Map<string, EntityRecord>);
    builder.addEntities(slice.slice(0, served).flatMap((id) => found.get(id) ?? []));
    i += served;
  }
  for (let i = 0; i < ids.length;) {
    const { value, served, rows } = await read({ method: 'relationsFrom', ids: ids.slice(i, i + pageSize) });
    builder.addRelations(rows ? decodeWholeGraphRows('relations', value as unknown[]) : (value as RelationRecord[]));
    i += served;
  }
  // writes that landed while the pages were read are caught up from the change log by the caller
  const s = builder.build(version);
  const p = s.parts();
  const arrays: Arrays = {
    labelOf: p.labelOf,
    edgeFrom: p.edgeFrom,
    edgeTo: p.edgeTo,
    edgeType: p.edgeType,
    edgeValidFrom: p.edgeValidFrom,
    edgeValidTo: p.edgeValidTo,
    edgeConfidence: p.edgeConfidence,
    outOffsets: s.outOffsets,
    outEdges: s.outEdges,
    inOffsets: s.inOffsets,
    inEdges: s.inEdges,
    index: p.index,
    idsEnds: p.ids.ends,
    namesEnds: p.names.ends,
    nodePropsEnds: p.nodeProps.ends,
    aliasesEnds: p.aliases.ends,
    edgeIdsEnds: p.edgeIds.ends,
    edgePropsEnds: p.edgeProps.ends,
  };
  // a view of part of a buffer (or two views of one buffer) would move the whole buffer: such a view goes as a copy of its own
  const seen = new Set<ArrayBufferLike>();
  for (const [k, a] of Object.entries(arrays) as [keyof Arrays, Arrays[keyof Arrays]][]) {
    if (a.byteOffset || a.byteLength !== a.buffer.byteLength || seen.has(a.buffer)) (arrays as unknown as Record<string, unknown>)[k] = a.slice();
    seen.add(arrays[k].buffer);
  }
  port.postMessage(
    { built: { version: s.version, canonical: s.canonical, arrays } } satisfies FromWorker,
    Object.values(arrays).map((a) => a.buffer as ArrayBuffer),
  );
  // the strings: each chunk of each column (some 32k entries) one copy, when the serving thread asks
  for (const text of TEXTS)
    for (const chunk of p[text].texts) {
      const ask = await inbox.next();
      if (!('more' in ask)) throw new Error('snapshot worker: expected a request for a part');
      port.postMessage({ text, chunk } satisfies FromWorker);
    }
  await inbox.next();
  port.postMessage({ done: true } satisfies FromWorker);
}

const WORKER = new URL('./snapshot-read-worker.js', import.meta.url);
/** The worker thread's niceness (Linux: a thread's own; 0 is the serving thread's): the cores go to requests first. */
const WORKER_NICE = 10;

/**
 * Reads the whole graph into a canonical snapshot, as readSnapshot does, with the decoding and
 * packing in a worker thread: this thread only answers the worker's page reads from `store` and
 * adopts the snapshot it built (see the top of this file). A failed read, or a worker that fails
 * or ends, rejects; the worker is ended either way.
 */
export async function readSnapshotInWorker(store: GraphStore, pageSize = 500): Promise<Snapshot> {
  const worker = new Worker(WORKER, { workerData: { pageSize, nice: WORKER_NICE } });
  try {
    const inbox = new Inbox<FromWorker>(worker, worker);
    const pages = {
      entityIds: new PageSizer(Math.min(pageSize, 100), pageSize * 20),
      getEntities: new PageSizer(Math.min(pageSize, 50), pageSize),
      relationsFrom: new PageSizer(Math.min(pageSize, 50), pageSize),
    };
    const answer = (call: number, value: unknown, served: number, rows = false) => worker.postMessage({ call, value, served, rows } satisfies ReadAnswer);
    // the embedded store's pages go as the rows its database returned, decoded in the worker
    const rows = store.wholeGraphRows?.bind(store);
    let built: Extract<FromWorker, { built: unknown }>['built'] | null = null;
    while (!built) {
      const m = await inbox.next();
      if ('built' in m) built = m.built;
      else if (!('method' in m)) throw new Error('snapshot worker: a part before the snapshot was built');
      else if (m.method === 'graphVersion') answer(m.call, await store.graphVersion(), 0);
      else if (m.method === 'entityIds') {
        const limit = Math.max(1, Math.min(m.limit, pages.entityIds.next));
        await pages.entityIds.page(async () => answer(m.call, await store.entityIds(m.after, limit), limit));
      } else {
        const method = m.method;
        const slice = m.ids.slice(0, Math.max(1, pages[method].next));
        if (rows) await pages[method].page(async () => answer(m.call, await rows(method === 'getEntities' ? 'entities' : 'relations', slice), slice.length, true));
        else await pages[method].page(async () => answer(m.call, await store[method](slice), slice.length));
      }
    }
    return await adopt(worker, inbox, built);
  } finally {
    await worker.terminate();
  }
}

/** Takes the built snapshot over: its arrays as moved, its text columns chunk by chunk (one string each, the event loop served between them). No object per node or edge is made. */
async function adopt(port: Port, inbox: Inbox<FromWorker>, built: Extract<FromWorker, { built: unknown }>['built']): Promise<Snapshot> {
  const { arrays: a } = built;
  const texts: Record<TextName, string[]> = { ids: [], names: [], nodeProps: [], aliases: [], edgeIds: [], edgeProps: [] };
  for (;;) {
    port.postMessage({ more: true } satisfies ToWorker);
    const m = await inbox.next();
    if ('done' in m) break;
    if (!('text' in m)) throw new Error('snapshot worker: expected a part of the snapshot');
    texts[m.text].push(m.chunk);
    await yieldToLoop();
  }
  const column = (name: TextName): TextColumn => ({ texts: texts[name], ends: a[`${name}Ends`] });
  const packed: Packed = {
    canonical: built.canonical,
    ids: column('ids'),
    index: a.index,
    labelOf: a.labelOf,
    names: column('names'),
    nodeProps: column('nodeProps'),
    aliases: column('aliases'),
    edgeFrom: a.edgeFrom,
    edgeTo: a.edgeTo,
    edgeType: a.edgeType,
    edgeProps: column('edgeProps'),
    edgeIds: column('edgeIds'),
    edgeValidFrom: a.edgeValidFrom,
    edgeValidTo: a.edgeValidTo,
    edgeConfidence: a.edgeConfidence,
  };
  return new Snapshot(built.version, packed, { out: { offsets: a.outOffsets, edges: a.outEdges }, in: { offsets: a.inOffsets, edges: a.inEdges } });
}

/** Messages from a port taken one at a time, in order; a failure of the other side rejects what waits and what is asked after. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve(m: T): void; reject(err: Error): void } | null = null;
  private failure: Error | null = null;

  constructor(port: Port, worker?: Worker) {
    port.on('message', (value) => {
      const m = value as T;
      const w = this.waiting;
      this.waiting = null;
      if (w) w.resolve(m);
      else this.queue.push(m);
    });
    worker?.on('error', (err) => this.fail(err));
    worker?.on('exit', (code) => this.fail(new Error(`the snapshot worker ended (exit code ${code}) before it handed its snapshot over`)));
  }

  next(): Promise<T> {
    if (this.queue.length) return Promise.resolve(this.queue.shift()!);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const w = this.waiting;
    this.waiting = null;
    w?.reject(this.failure);
  }
}
