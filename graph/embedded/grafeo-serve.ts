// The embedded store's thread (started through grafeo-worker.js): opens the database file and
// answers the serving thread's calls (grafeo-thread.ts) with the GrafeoExecutor of grafeo-local.ts,
// so the rules of the store in one thread (the key indexes, the text index, the normalised values,
// rollback on failure) are the same code here. Rows are made, normalised and serialised here; the
// serving thread only receives them. A whole-graph snapshot is read and packed here too
// (readSnapshot over this thread's store) and answered as shared buffers. Every call is counted while it runs, and none starts once the
// serving thread has said the thread is to end (grafeo-thread.ts: Grafeo aborts the process when a
// thread ends during one of its calls).
import type { MessagePort } from 'node:worker_threads';
import { errorToWire, StoreUnavailable } from '../../schema/errors.js';
import type { CypherTx, Row } from '../cypher/cypher-store.js';
import { CypherGraphStore } from '../cypher/cypher-store.js';
import { readSnapshot } from '../snapshot-cache.js';
import { openGrafeo, type GrafeoExecutor } from './grafeo-local.js';
import { CLOSING, FATAL, HALTED, RUNNING, type Answer, type Request, type Results, type ThreadData } from './grafeo-thread.js';

/** A write transaction the serving thread holds open: its queries, and how it ends. */
interface OpenTx {
  tx: CypherTx;
  /** ends the work the executor's write() waits on: committed without an error, rolled back with one */
  end(err?: Error): void;
  /** settles once the executor has committed (or rolled back) */
  ended: Promise<unknown>;
}

/** A read being handed over in slices: the executor's slices, and the next one, taken ahead to know whether it is the last. */
interface Cursor {
  slices: AsyncGenerator<Row[]>;
  next: IteratorResult<Row[]>;
}

/** Opens the store as `data` says and answers the calls that come on `port` (the first answer, id 0, says whether it opened). */
export function serveGrafeo(port: MessagePort, data: ThreadData): void {
  const state = new Int32Array(data.state);
  const send = (answer: Answer): void => {
    try {
      port.postMessage(answer);
    } catch (err) {
      // a value that cannot be sent (a structured-clone failure): the call fails with why, instead of going unanswered
      port.postMessage({ id: answer.id, error: errorToWire(err) } satisfies Answer);
    }
  };
  let store: GrafeoExecutor;
  try {
    store = openGrafeo(data.open);
  } catch (err) {
    send({ id: 0, error: errorToWire(err) });
    return;
  }
  const txs = new Map<number, OpenTx>();
  /** the store as the serving thread sees it, over this thread's executor: what a snapshot is read from here */
  const graph = new CypherGraphStore(store);
  /** stops a snapshot being built once the store is closing or the thread is to end */
  const stopping = (): void => {
    if (Atomics.load(state, CLOSING) || Atomics.load(state, HALTED)) throw new StoreUnavailable('the embedded store is closed');
  };
  const cursors = new Map<number, Cursor>();
  let nextTx = 1;

  /** A transaction begun in the executor's write(), held open until the serving thread commits or rolls it back. */
  const begin = async (): Promise<number> => {
    let opened!: (tx: CypherTx) => void;
    const begun = new Promise<CypherTx>((resolve) => (opened = resolve));
    let end!: (err?: Error) => void;
    const ended = store.write(
      (tx) =>
        new Promise<void>((resolve, reject) => {
          end = (err) => (err ? reject(err) : resolve());
          opened(tx);
        }),
    );
    // a write that fails before its work starts (the store closed, no transaction) fails the begin
    const tx = await Promise.race([begun, ended.then(() => Promise.reject(new Error('the transaction ended before it began')))]);
    const id = nextTx++;
    txs.set(id, { tx, end, ended });
    return id;
  };

  const held = (id: number): OpenTx => {
    const t = txs.get(id);
    if (!t) throw new Error(`transaction ${id} is not open (it was committed or rolled back)`);
    return t;
  };

  /** The next slice of a cursor, and whether it is the last (the one after is taken ahead). */
  const take = async (id: number): Promise<Results['more']> => {
    const cursor = cursors.get(id);
    if (!cursor) throw new StoreUnavailable(`the read in slices ${id} was let go`);
    const now = cursor.next;
    if (!now.done) cursor.next = await cursor.slices.next();
    if (cursor.next.done) cursors.delete(id);
    return { cursor: id, rows: now.done ? [] : now.value, done: !!cursor.next.done };
  };

  const handle = async (call: Request): Promise<unknown> => {
    switch (call.op) {
      case 'read':
        return store.read(call.query, call.params);
      case 'begin':
        return begin();
      case 'run':
        return held(call.tx).tx.run(call.query, call.params);
      case 'commit': {
        const t = held(call.tx);
        txs.delete(call.tx);
        t.end();
        await t.ended;
        return undefined;
      }
      case 'rollback': {
        const t = held(call.tx);
        txs.delete(call.tx);
        t.end(new Error('rolled back'));
        await t.ended.catch(() => undefined);
        return undefined;
      }
      case 'batches':
        return store.runInBatches(call.steps);
      case 'migrate':
        return store.migrate(call.statements);
      case 'search':
        return store.textSearch(call.queries);
      case 'slices': {
        const slices = store.readInSlices(call.query, call.params);
        cursors.set(call.id, { slices, next: await slices.next() });
        return take(call.id);
      }
      case 'more':
        return take(call.cursor);
      case 'drop':
        await cursors.get(call.cursor)?.slices.return(undefined);
        cursors.delete(call.cursor);
        return undefined;
      case 'snapshot':
        return (await readSnapshot(graph, call.pageSize, stopping)).toWire();
      case 'close':
        for (const c of cursors.values()) await c.slices.return(undefined);
        cursors.clear();
        // (the serving thread ends this thread once it has the answer)
        await store.close();
        return undefined;
    }
  };

  port.on('message', (call: Request) => {
    // counted before the flag is read, so the serving thread either sees this call running or this thread sees the flag
    Atomics.add(state, RUNNING, 1);
    if (Atomics.load(state, HALTED)) return done();
    handle(call)
      .then(
        (value) => send({ id: call.id, value }),
        (err: unknown) => send({ id: call.id, error: errorToWire(err) }),
      )
      .finally(done);
  });
  const done = (): void => {
    Atomics.sub(state, RUNNING, 1);
    Atomics.notify(state, RUNNING);
  };
  // an exception nothing caught: the serving thread hears why, no call starts, and the thread ends once those running are answered
  process.on('uncaughtException', (err) => {
    send({ id: FATAL, error: errorToWire(err) });
    Atomics.store(state, HALTED, 1);
    const exit = () => (Atomics.load(state, RUNNING) > 0 ? setTimeout(exit, 1) : process.exit(1));
    exit();
  });
  send({ id: 0, value: null });
}
