// Grafeo in the thread that opened it: the database file, its queries, transactions and text
// index. The embedded store runs this in a thread of its own (grafeo-serve.ts, behind the executor
// of grafeo-thread.ts), so that turning Grafeo's results into JS objects, and the garbage that
// makes, costs the serving thread nothing. Every write goes through one queue because colliding
// Grafeo transactions fail at once instead of waiting. Only type imports from the store: the
// thread loads this module and not the GraphStore.
import { mkdirSync } from 'node:fs';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as GrafeoDBType } from '@grafeo-db/js';
import { StoreUnavailable } from '../../schema/errors.js';
import { embeddedOpenError, grafeoLocation } from './open-errors.js';
import { WriteQueue } from './write-queue.js';
import type { CypherExecutor, CypherTx, Row, TextQuery } from '../cypher/cypher-store.js';
import { UNIQUE_KEYS } from '../cypher/catalogue.js';
import type { StoreInfo } from '../store.js';
import { SLICE_MS, yieldToLoop } from '../snapshot-pacing.js';

/** rows taken between two looks at the clock while a result is handed over in slices */
const ROWS_PER_CHECK = 256;
/** the most rows in one slice (each slice is one message to the serving thread, which takes it whole) */
const ROWS_PER_SLICE = 8 * ROWS_PER_CHECK;

const { GrafeoDB } = grafeo;

/** Where and how the database file is opened. */
export interface GrafeoOpenOptions {
  /** directory holding the database file, or ':memory:' for a throwaway in-memory store */
  dataDir: string;
  /** return unordered rows in random order (tests: nothing may depend on row order) */
  shuffleUnordered?: boolean;
}

// Grafeo's uniqueness constraints check but do not index, so every MERGE/MATCH on a key would scan
// (quadratic imports); Neo4j's constraints carry their own index, so these stay in this adapter.
const GRAFEO_KEY_INDEXES = UNIQUE_KEYS.map(([name, label, key]) => `CREATE INDEX ${name}_lookup IF NOT EXISTS FOR (n:${label}) ON (n.${key})`);

/**
 * Grafeo's values as the store's: integers as numbers, dates as ISO strings. The rows are fresh objects of this read, so
 * they are changed in place: a whole-graph read allocates each row once, not twice (fewer young-generation copies).
 */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const n = normalise(v);
      if (n !== v) value[i] = n;
    }
    return value;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      const v = record[k];
      const n = normalise(v);
      if (n !== v) record[k] = n;
    }
    return record;
  }
  return value;
}

function rows(result: { toArray(): Record<string, unknown>[] }): Row[] {
  return result.toArray().map((r) => normalise(r) as Row);
}

/** The store's executor over a database open in this thread. */
export class GrafeoExecutor implements CypherExecutor {
  private readonly queue = new WriteQueue();
  private closed = false;

  constructor(
    private readonly db: GrafeoDBType,
    readonly info: StoreInfo,
  ) {}

  // an in-process read has no server to abandon it; the request's own deadline stops the caller
  async read(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.assertOpen();
    return rows(await this.db.executeCypher(query, params));
  }

  /**
   * Grafeo scans every node of a label for each ordered page; its result arrives whole and is taken row by row in slices
   * of about SLICE_MS of work, at most ROWS_PER_SLICE rows.
   */
  async *readInSlices(query: string, params: Record<string, unknown> = {}): AsyncGenerator<Row[]> {
    this.assertOpen();
    const result = await this.db.executeCypher(query, params);
    for (let i = 0; i < result.length;) {
      const started = performance.now();
      const slice: Row[] = [];
      for (; i < result.length && slice.length < ROWS_PER_SLICE && performance.now() - started < SLICE_MS; i += ROWS_PER_CHECK)
        for (let k = i; k < Math.min(i + ROWS_PER_CHECK, result.length); k++) slice.push(normalise(result.get(k)) as Row);
      yield slice;
      await yieldToLoop();
    }
  }

  /** Grafeo has no `CALL { } IN TRANSACTIONS`: the one-transaction form of each step, all in one write. */
  runInBatches(steps: readonly { batched: string; single: string }[]): Promise<void> {
    return this.write(async (tx) => {
      for (const step of steps) await tx.run(step.single);
    });
  }

  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.queue.run(async () => {
      const tx = this.db.beginTransaction();
      try {
        const result = await work({ run: async (q, p = {}) => rows(await tx.executeCypher(q, p)) });
        tx.commit();
        return result;
      } catch (err) {
        if (tx.isActive) tx.rollback();
        throw err;
      }
    });
  }

  async migrate(statements: string[]): Promise<void> {
    await this.queue.run(async () => {
      for (const s of [...statements, ...GRAFEO_KEY_INDEXES]) await this.db.executeCypher(s);
      try {
        await this.db.createTextIndex('Entity', 'searchText', { tokenizer: 'standard' });
      } catch (err) {
        // the index survives restarts; creating it again reports that it exists
        if (!/exist/i.test((err as Error).message)) throw err;
      }
    });
  }

  /** In-process, so one index call per query; the labels go to the index as a filter, applied before its limit. */
  async textSearch(queries: readonly TextQuery[]): Promise<{ id: string; score: number }[][]> {
    this.assertOpen();
    const out: { id: string; score: number }[][] = [];
    for (const q of queries) {
      const filters = q.labels.length ? { label: { $in: [...q.labels] } } : undefined;
      const hits = await this.db.textSearch('Entity', 'searchText', q.query.toLowerCase(), q.limit, filters);
      const found: { id: string; score: number }[] = [];
      for (const [nodeId, score] of hits) {
        const node = this.db.getNode(nodeId!);
        const id = node?.get('id');
        if (typeof id === 'string') found.push({ id, score: score! });
      }
      out.push(found);
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.run(async () => undefined);
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('the embedded store is closed');
  }
}

/** Opens (creating if needed) the database file in dataDir; a failure as the project error naming DATA_DIR (open-errors.ts). */
export function openGrafeo(opts: GrafeoOpenOptions): GrafeoExecutor {
  const { dir, location } = grafeoLocation(opts.dataDir);
  let db: GrafeoDBType;
  try {
    if (!dir) db = GrafeoDB.create(null, { shuffleUnordered: !!opts.shuffleUnordered });
    else {
      mkdirSync(dir, { recursive: true });
      db = GrafeoDB.create(location, { shuffleUnordered: !!opts.shuffleUnordered });
      // checkpoints are off by default: without them the WAL only grows
      db.setCheckpointTriggers({ walBytes: 16 * 1024 * 1024, intervalMs: 30_000 });
    }
  } catch (err) {
    throw embeddedOpenError(err, dir ?? location, location);
  }
  return new GrafeoExecutor(db, { kind: 'embedded', location });
}
