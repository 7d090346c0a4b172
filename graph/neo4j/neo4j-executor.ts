// The Neo4j adapter: the shared Cypher store over neo4j-driver. One session per call; reads and
// writes run as managed transactions, which the driver retries on transient errors (the write
// work only touches the transaction, so running it again is safe). Values only ever travel as
// parameters; the only Cypher texts of its own are the full-text index and its query.
import neo4j from 'neo4j-driver';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';
import type { CypherExecutor, CypherTx, Row, TextQuery } from '../cypher/cypher-store.js';
import { CypherGraphStore } from '../cypher/cypher-store.js';
import type { StoreInfo } from '../store.js';
import { displayUri, mapNeo4jError, type ErrorContext } from './neo4j-errors.js';
import { fromNeo4j, toNeo4j } from './neo4j-values.js';
import { luceneQuery } from './lucene-query.js';

export interface Neo4jOptions {
  uri: string;
  user: string;
  password: string;
  /** the server's default database when absent */
  database?: string;
  /** how long the driver retries a transaction failing with transient errors (default 30 s) */
  maxTransactionRetryTimeMs?: number;
  /** how long to wait for a TCP connection before giving up (default 5 s) */
  connectionTimeoutMs?: number;
  /** connections the driver keeps per server (default 100, the driver's) */
  maxConnectionPoolSize?: number;
  /** graph versions the change log keeps (default CHANGE_LOG_VERSIONS) */
  changeLogVersions?: number;
}

/** The part of a driver record the adapter reads. */
export interface RecordLike {
  toObject(): Record<string, unknown>;
}

/** The part of a managed transaction the adapter uses. */
export interface TxLike {
  run(query: string, params?: Record<string, unknown>): PromiseLike<{ records: RecordLike[] }>;
}

/** A transaction's settings: the server abandons it after timeout milliseconds. */
export interface TxConfigLike {
  timeout?: number;
}

/** The part of a session the adapter uses. */
export interface SessionLike {
  executeRead<T>(work: (tx: TxLike) => Promise<T>, config?: TxConfigLike): Promise<T>;
  executeWrite<T>(work: (tx: TxLike) => Promise<T>, config?: TxConfigLike): Promise<T>;
  /** an auto-commit query: the only kind that may run `CALL { } IN TRANSACTIONS` */
  run(query: string, params?: Record<string, unknown>): PromiseLike<{ records: RecordLike[] }>;
  close(): Promise<void>;
}

/** The part of neo4j-driver's Driver the adapter uses, so tests can inject a fake. */
export interface DriverLike {
  verifyConnectivity(config?: { database?: string }): Promise<unknown>;
  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE'; bookmarkManager?: unknown }): SessionLike;
  close(): Promise<void>;
}

/** The full-text index over names, aliases and the joined search text. */
export const FULLTEXT_INDEX = `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText]`;
/** Waits until every index is online, so a search right after start-up sees the whole graph. */
export const AWAIT_INDEXES = `CALL db.awaitIndexes($timeoutSeconds)`;
/**
 * Many searches in one round trip; each query's labels are filtered inside the index query, before
 * its limit, so hits of other labels never crowd out the ones asked for.
 */
export const FULLTEXT_QUERY = `UNWIND $queries AS s CALL { WITH s CALL db.index.fulltext.queryNodes('entity_search', s.q) YIELD node, score WITH node, score WHERE size(s.labels) = 0 OR node.label IN s.labels RETURN node.id AS id, score LIMIT $limit } RETURN s.i AS i, id, score`;

/** Every Cypher text this adapter sends besides the catalogue's, for the linter test. */
export const NEO4J_QUERY_TEXTS: { name: string; text: string }[] = [
  { name: 'neo4j fullTextIndex', text: FULLTEXT_INDEX },
  { name: 'neo4j awaitIndexes', text: AWAIT_INDEXES },
  { name: 'neo4j fullTextQuery', text: FULLTEXT_QUERY },
];

const INDEX_WAIT_SECONDS = 300;

function params(p: Record<string, unknown>): Record<string, unknown> {
  return toNeo4j(p) as Record<string, unknown>;
}

async function run(tx: TxLike, query: string, p: Record<string, unknown> = {}): Promise<Row[]> {
  const result = await tx.run(query, params(p));
  return result.records.map((r) => fromNeo4j(r.toObject()) as Row);
}

/** CypherExecutor over a Neo4j driver. */
export class Neo4jExecutor implements CypherExecutor {
  private closed = false;
  /** shared by every session, so a read on any cluster member sees the writes before it */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    private readonly driver: DriverLike,
    private readonly ctx: ErrorContext,
    readonly info: StoreInfo,
  ) {}

  read(query: string, p: Record<string, unknown> = {}, opts: { timeoutMs?: number } = {}): Promise<Row[]> {
    // the server stops the query at the caller's deadline instead of finishing work nobody waits for
    const config = opts.timeoutMs === undefined ? undefined : { timeout: Math.max(1, Math.round(opts.timeoutMs)) };
    return this.withSession('READ', (s) => s.executeRead((tx) => run(tx, query, p), config));
  }

  async runInBatches(steps: readonly { batched: string; single: string }[]): Promise<void> {
    // IN TRANSACTIONS commits batch by batch, so it runs as an auto-commit query, never inside a managed transaction
    for (const step of steps) await this.withSession('WRITE', async (s) => void (await s.run(step.batched)));
  }

  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => work({ run: (q, p) => run(tx, q, p) })));
  }

  async migrate(statements: string[]): Promise<void> {
    // schema commands cannot share a transaction with each other's data, so one each
    for (const statement of [...statements, FULLTEXT_INDEX]) await this.withSession('WRITE', (s) => s.executeWrite((tx) => run(tx, statement)));
    await this.withSession('READ', (s) => s.executeRead((tx) => run(tx, AWAIT_INDEXES, { timeoutSeconds: INDEX_WAIT_SECONDS })));
  }

  async textSearch(queries: readonly TextQuery[]): Promise<{ id: string; score: number }[][]> {
    const out = queries.map(() => [] as { id: string; score: number }[]);
    const asked = queries.map((q, i) => ({ i, q: luceneQuery(q.query), labels: [...q.labels] })).filter((q) => q.q);
    if (!asked.length) return out;
    const rows = await this.read(FULLTEXT_QUERY, { queries: asked, limit: Math.max(...queries.map((q) => q.limit)) });
    for (const r of rows) if (typeof r.id === 'string') out[Number(r.i)]?.push({ id: r.id, score: Number(r.score) });
    return out.map((hits, i) => hits.sort((a, b) => b.score - a.score).slice(0, queries[i]!.limit));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  /** Opens a session for one call and always closes it, mapping driver errors on the way out. */
  private async withSession<T>(mode: 'READ' | 'WRITE', use: (s: SessionLike) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailable(`the Neo4j store at ${this.ctx.uri} is closed`);
    const session = this.driver.session({
      defaultAccessMode: mode,
      bookmarkManager: this.bookmarks,
      ...(this.ctx.database ? { database: this.ctx.database } : {}),
    });
    try {
      return await use(session);
    } catch (err) {
      throw mapNeo4jError(err, this.ctx);
    } finally {
      await session.close();
    }
  }
}

/** Builds a real neo4j-driver Driver with the adapter's settings. */
export function createDriver(opts: Neo4jOptions): DriverLike {
  const driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
    disableLosslessIntegers: true,
    connectionTimeout: opts.connectionTimeoutMs ?? 5_000,
    connectionAcquisitionTimeout: (opts.connectionTimeoutMs ?? 5_000) * 2,
    maxTransactionRetryTime: opts.maxTransactionRetryTimeMs ?? 30_000,
    ...(opts.maxConnectionPoolSize ? { maxConnectionPoolSize: opts.maxConnectionPoolSize } : {}),
  });
  return driver as unknown as DriverLike;
}

/**
 * Connects to Neo4j, checks the server answers (failing fast with StoreUnavailable instead of the
 * driver's long retry), runs the migrations and returns the store. `makeDriver` is for tests.
 */
export async function openNeo4jStore(opts: Neo4jOptions, makeDriver: (opts: Neo4jOptions) => DriverLike = createDriver): Promise<CypherGraphStore> {
  const uri = displayUri(opts.uri);
  const ctx: ErrorContext = { uri, user: opts.user, password: opts.password, ...(opts.database ? { database: opts.database } : {}) };
  let driver: DriverLike;
  try {
    driver = makeDriver(opts);
  } catch (err) {
    // a malformed URI or an unknown scheme fails here, before any connection: the setting is wrong
    throw new InvalidInput(`NEO4J_URI ${uri}: ${(err as Error).message} (expected bolt://, neo4j:// or their +s / +ssc forms)`);
  }
  const waitMs = opts.connectionTimeoutMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  // the driver waits for the Bolt handshake without a limit once TCP connects (a server that is not
  // Neo4j, e.g. an HTTP port that stays silent); give up after the connect timeout instead
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailable(`Neo4j at ${uri} did not answer within ${waitMs / 1000} s: is NEO4J_URI the Bolt address of a Neo4j server (port 7687 by default)?`)), waitMs);
  });
  try {
    await Promise.race([driver.verifyConnectivity(opts.database ? { database: opts.database } : {}), silent]);
  } catch (err) {
    // closing waits for nothing a silent server would have to send
    void driver.close().catch(() => undefined);
    if (err instanceof StoreUnavailable) throw err;
    const mapped = mapNeo4jError(err, ctx);
    if (mapped instanceof StoreUnavailable) throw mapped;
    throw new StoreUnavailable(`cannot reach Neo4j at ${uri}: ${(err as Error).message}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
  const info: StoreInfo = { kind: 'neo4j', location: opts.database ? `${uri} (database ${opts.database})` : uri };
  const store = new CypherGraphStore(new Neo4jExecutor(driver, ctx, info), { changeLogVersions: opts.changeLogVersions });
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
