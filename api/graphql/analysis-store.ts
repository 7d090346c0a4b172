// The store as a query executed in the analysis worker sees it. The serving thread owns the store
// (the embedded one lives in its memory), so each read the worker's resolvers make is a message on
// a port of the task and the serving thread answers it; the worker's DataLoaders batch those reads
// and its record cache keeps them for the graph version, so a repeated expensive query costs the
// serving thread nothing but the hand-off. Only reads cross: an executed query never writes.
import type { MessagePort } from 'node:worker_threads';
import type { GraphStore, StoreInfo } from '../../graph/store.js';
import { errorFromWire, errorToWire, InvalidInput, type WireError } from '../../schema/errors.js';

/** The store methods that change something: refused over the port. */
const WRITES: ReadonlySet<string> = new Set(['migrate', 'write', 'clear', 'acquireLease', 'renewLease', 'releaseLease', 'appendLog', 'close']);

interface ReadCall {
  id: number;
  method: string;
  args: unknown[];
}
type ReadAnswer = { id: number; value: unknown } | { id: number; error: WireError };

/** Answers the reads a worker sends on `port` from `store` (until the port closes). */
export function serveStoreReads(store: GraphStore, port: MessagePort): void {
  const reads = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  port.on('message', (call: ReadCall) => {
    const answer = async (): Promise<ReadAnswer> => {
      try {
        if (WRITES.has(call.method) || typeof reads[call.method] !== 'function') throw new InvalidInput(`store.${call.method}: not a read of the store`);
        return { id: call.id, value: await reads[call.method]!.apply(store, call.args) };
      } catch (err) {
        // the project's own errors keep their class across the port (the error formatter maps them to codes)
        return { id: call.id, error: errorToWire(err) };
      }
    };
    void answer().then((a) => {
      try {
        port.postMessage(a);
      } catch {
        // the task ended (its port closed) before the read came back: nobody is waiting
      }
    });
  });
}

/** A GraphStore whose every method is a read answered over `port` by serveStoreReads. */
export function storeOverPort(port: MessagePort, info: StoreInfo): GraphStore {
  let next = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  port.on('message', (a: ReadAnswer) => {
    const waiting = pending.get(a.id);
    if (!waiting) return;
    pending.delete(a.id);
    if ('value' in a) waiting.resolve(a.value);
    else waiting.reject(errorFromWire(a.error));
  });
  const read =
    (method: string) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        port.postMessage({ id, method, args } satisfies ReadCall);
      });
  return new Proxy({} as GraphStore, {
    get: (_target, prop) => (prop === 'info' ? info : typeof prop === 'string' && prop !== 'then' ? read(prop) : undefined),
  });
}
