// The Neo4j adapter against a fake driver: session handling, value mapping, error mapping, fast
// failure, and that no query text ever carries a value. No Neo4j server is needed.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { CLEAR, Q } from '../../graph/cypher/catalogue.js';
import { CypherGraphStore, schemaFingerprint } from '../../graph/cypher/cypher-store.js';
import { loadConfig } from '../../api/config.js';
import { escapeLucene, luceneQuery } from '../../graph/neo4j/lucene-query.js';
import { displayUri } from '../../graph/neo4j/neo4j-errors.js';
import { FULLTEXT_INDEX, FULLTEXT_QUERY, Neo4jExecutor, openNeo4jStore, type DriverLike, type Neo4jOptions, type RecordLike, type SessionLike, type TxLike } from '../../graph/neo4j/neo4j-executor.js';
import { fromNeo4j, toNeo4j } from '../../graph/neo4j/neo4j-values.js';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';
import { claimId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';

type Call = { query: string; params: Record<string, unknown>; mode: 'READ' | 'WRITE' };
type Responder = (query: string, params: Record<string, unknown>) => Record<string, unknown>[];

const record = (o: Record<string, unknown>): RecordLike => ({ toObject: () => o });

/** A driver that records every query and answers from a function; counts sessions. */
class FakeDriver implements DriverLike {
  calls: Call[] = [];
  opened = 0;
  closedSessions = 0;
  closed = false;
  sessionConfigs: { database?: string; defaultAccessMode?: string; bookmarkManager?: unknown }[] = [];
  /** errors to throw from the next transaction attempts, in order */
  failNext: Error[] = [];

  constructor(
    private readonly respond: Responder = () => [],
    private readonly connectivity: () => Promise<unknown> = async () => ({}),
  ) {}

  verifyConnectivity(): Promise<unknown> {
    return this.connectivity();
  }

  session(config: { database?: string; defaultAccessMode?: 'READ' | 'WRITE'; bookmarkManager?: unknown }): SessionLike {
    this.opened++;
    this.sessionConfigs.push(config);
    const mode = config.defaultAccessMode ?? 'WRITE';
    const tx = (): TxLike => ({
      run: async (query, params = {}) => {
        this.calls.push({ query, params, mode });
        const failure = this.failNext.shift();
        if (failure) throw failure;
        return { records: this.respond(query, params).map(record) };
      },
    });
    // like the driver's managed transactions: retry the whole work on a retriable error
    const managed = async <T>(work: (tx: TxLike) => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await work(tx());
        } catch (err) {
          if ((err as { retriable?: boolean }).retriable !== true || attempt >= 2) throw err;
        }
      }
    };
    return {
      executeRead: managed,
      executeWrite: managed,
      run: async (query, params = {}) => tx().run(query, params),
      close: async () => {
        this.closedSessions++;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

const OPTS: Neo4jOptions = { uri: 'neo4j://db.example:7687', user: 'chokepoint', password: 'hunter2-very-secret', database: 'graph' };
const CTX = { uri: OPTS.uri, user: OPTS.user, password: OPTS.password, database: 'graph' };
const INFO = { kind: 'neo4j' as const, location: OPTS.uri };

function neo4jError(code: string, message = 'boom'): Error {
  return new neo4j.Neo4jError(message, code, '50N42', 'error');
}

/** The error a promise rejects with; fails the test if it resolves. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

/** Answers the version queries, as a server with an empty graph would, and grants every lease asked for. */
const versionOnly: Responder = (query, params) => {
  if (query === Q.bumpVersion || query === Q.graphVersion) return [{ version: neo4j.int(7) }];
  if (query === Q.acquireLease) return [{ owner: params.owner, token: neo4j.int(1), expiresAt: neo4j.int(Date.now() + 60_000) }];
  return [];
};

describe('Neo4j adapter sessions', () => {
  it('opens one session per call, in the right mode and database, and closes it', async () => {
    const driver = new FakeDriver(() => [{ n: neo4j.int(1) }]);
    const x = new Neo4jExecutor(driver, CTX, INFO);
    await x.read('RETURN 1 AS n');
    await x.write((tx) => tx.run('RETURN 2 AS n'));
    expect(driver.opened).toBe(2);
    expect(driver.closedSessions).toBe(2);
    expect(driver.sessionConfigs).toMatchObject([
      { defaultAccessMode: 'READ', database: 'graph' },
      { defaultAccessMode: 'WRITE', database: 'graph' },
    ]);
    // one bookmark manager across sessions keeps read-your-writes on a cluster
    expect(driver.sessionConfigs[0]!.bookmarkManager).toBeDefined();
    expect(driver.sessionConfigs[0]!.bookmarkManager).toBe(driver.sessionConfigs[1]!.bookmarkManager);
    expect(driver.calls.map((c) => c.mode)).toEqual(['READ', 'WRITE']);
  });

  it('closes the session when the query or the work fails', async () => {
    const driver = new FakeDriver(() => {
      throw neo4jError('Neo.ClientError.Statement.SyntaxError');
    });
    const x = new Neo4jExecutor(driver, CTX, INFO);
    await expect(x.read('RETURN 1 AS n')).rejects.toThrow('boom');
    await expect(
      x.write(async () => {
        throw new InvalidInput('bad row');
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect(driver.closedSessions).toBe(driver.opened);
    expect(driver.opened).toBe(2);
  });

  it('re-runs the write work after a transient error and returns the retry result', async () => {
    const driver = new FakeDriver(() => [{ ok: true }]);
    driver.failNext.push(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'));
    const x = new Neo4jExecutor(driver, CTX, INFO);
    let attempts = 0;
    const rows = await x.write(async (tx) => {
      attempts++;
      return tx.run('RETURN true AS ok');
    });
    expect(attempts).toBe(2);
    expect(rows).toEqual([{ ok: true }]);
    expect(driver.closedSessions).toBe(1);
  });

  it('refuses work after close and closes the driver once', async () => {
    const driver = new FakeDriver();
    const x = new Neo4jExecutor(driver, CTX, INFO);
    await x.close();
    await x.close();
    expect(driver.closed).toBe(true);
    await expect(x.read('RETURN 1 AS n')).rejects.toBeInstanceOf(StoreUnavailable);
    expect(driver.opened).toBe(0);
  });
});

describe('Neo4j value mapping', () => {
  it('turns Integer, temporal and nested values into plain numbers and ISO strings', async () => {
    const when = new neo4j.types.DateTime(2025, 4, 9, 12, 30, 0, 0, 0);
    const day = new neo4j.types.Date(2025, 4, 9);
    const driver = new FakeDriver(() => [{ n: neo4j.int(42), big: neo4j.int(2 ** 40), list: [neo4j.int(1), neo4j.int(2)], map: { count: neo4j.int(3), at: day }, when, f: 0.5, s: 'x', none: null }]);
    const rows = await new Neo4jExecutor(driver, CTX, INFO).read('RETURN 1 AS n');
    expect(rows).toEqual([{ n: 42, big: 2 ** 40, list: [1, 2], map: { count: 3, at: '2025-04-09' }, when: '2025-04-09T12:30:00Z', f: 0.5, s: 'x', none: null }]);
    expect(fromNeo4j(new neo4j.types.LocalDateTime(2025, 1, 2, 3, 4, 5, 0))).toBe('2025-01-02T03:04:05');
  });

  it('sends whole numbers as Integer so LIMIT and SKIP accept them, and keeps fractions as floats', async () => {
    const sent = toNeo4j({ limit: 10, confidence: 0.8, nested: [{ at: 5 }], mixed: [1, 2.5], ints: [1, 2], s: 'x', b: true }) as Record<string, unknown>;
    expect(neo4j.isInt(sent.limit)).toBe(true);
    expect(sent.confidence).toBe(0.8);
    expect(neo4j.isInt((sent.nested as { at: unknown }[])[0]!.at)).toBe(true);
    // a stored list holds one type, so a list with any fraction stays all floats
    expect(sent.mixed).toEqual([1, 2.5]);
    expect((sent.ints as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect([sent.s, sent.b]).toEqual(['x', true]);

    const driver = new FakeDriver();
    await new Neo4jExecutor(driver, CTX, INFO).read('MATCH (n:Entity) RETURN n.id AS id LIMIT $limit', { limit: 3 });
    expect(neo4j.isInt(driver.calls[0]!.params.limit)).toBe(true);
  });
});

describe('Neo4j reads with a time limit and whole-graph batches', () => {
  it("passes a read's time limit to the server as the transaction timeout", async () => {
    let seen: unknown;
    const driver = new FakeDriver(() => []);
    const session = driver.session.bind(driver);
    driver.session = (config) => {
      const s = session(config);
      return { ...s, executeRead: (work, txConfig) => ((seen = txConfig), s.executeRead(work)) };
    };
    const store = new CypherGraphStore(new Neo4jExecutor(driver, CTX, INFO));
    await store.relationPage('chip:nvidia-h20', { types: ['RUNS_ON'], direction: 'in', first: 10, timeoutMs: 1234.4 });
    expect(seen).toEqual({ timeout: 1234 });
    expect(driver.calls[0]!.query).toBe(Q.relationPage);
    expect(fromNeo4j(driver.calls[0]!.params)).toMatchObject({ id: 'chip:nvidia-h20', types: ['RUNS_ON'], dir: 'in', limit: 11 });
  });

  it('clears the graph in IN TRANSACTIONS batches, each an auto-commit query, never one managed transaction', async () => {
    const driver = new FakeDriver(versionOnly);
    let autoCommit = 0;
    const session = driver.session.bind(driver);
    driver.session = (config) => {
      const s = session(config);
      return { ...s, run: (q, p) => (autoCommit++, s.run(q, p)) };
    };
    await new CypherGraphStore(new Neo4jExecutor(driver, CTX, INFO)).clear();
    const batched = driver.calls.filter((c) => /IN TRANSACTIONS OF \d+ ROWS/.test(c.query)).map((c) => c.query);
    expect(batched).toEqual(CLEAR.map((step) => step.batched));
    expect(autoCommit).toBe(CLEAR.length);
    expect(driver.calls.at(-1)!.query).toBe(Q.bumpVersion);
  });

  it('takes the pool size from NEO4J_MAX_POOL_SIZE, and refuses a bad one naming it', () => {
    expect(loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://db:7687', NEO4J_MAX_POOL_SIZE: '250' }).neo4j).toMatchObject({ maxConnectionPoolSize: 250 });
    expect(loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://db:7687' }).neo4j!.maxConnectionPoolSize).toBeUndefined();
    expect(() => loadConfig({ STORE: 'neo4j', NEO4J_URI: 'neo4j://db:7687', NEO4J_MAX_POOL_SIZE: 'many' })).toThrow(/NEO4J_MAX_POOL_SIZE/);
  });
});

describe('Neo4j error mapping', () => {
  const mapped = async (code: string, message?: string) => {
    const driver = new FakeDriver(() => {
      throw neo4jError(code, message);
    });
    return failure(new Neo4jExecutor(driver, CTX, INFO).read('RETURN 1 AS n'));
  };

  it('maps bad credentials to StoreUnavailable naming server and user, never the password', async () => {
    const err = await mapped('Neo.ClientError.Security.Unauthorized', `auth failed for password ${OPTS.password}`);
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toContain('db.example:7687');
    expect(err.message).toContain('chokepoint');
    expect(err.message).not.toContain(OPTS.password);
  });

  it('maps an unreachable server and a missing database to StoreUnavailable', async () => {
    expect(await mapped('ServiceUnavailable')).toBeInstanceOf(StoreUnavailable);
    const missing = await mapped('Neo.ClientError.Database.DatabaseNotFound');
    expect(missing).toBeInstanceOf(StoreUnavailable);
    expect(missing.message).toContain('"graph"');
  });

  it('maps a uniqueness violation to InvalidInput and keeps the password out of it', async () => {
    const err = await mapped('Neo.ClientError.Schema.ConstraintValidationFailed', `Node already exists with id ${OPTS.password}`);
    expect(err).toBeInstanceOf(InvalidInput);
    expect(err.message).not.toContain(OPTS.password);
  });

  it('reports transient errors that outlast the retries as StoreUnavailable', async () => {
    expect(await mapped('Neo.TransientError.General.DatabaseUnavailable')).toBeInstanceOf(StoreUnavailable);
  });

  it('maps an exhausted connection pool, a cluster it cannot route in and a query stopped at its time limit to StoreUnavailable', async () => {
    const pool = await mapped('N/A', 'Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 100, Idle conn count = 0.');
    expect(pool).toBeInstanceOf(StoreUnavailable);
    expect(pool.message).toMatch(/no free connection.*NEO4J_MAX_POOL_SIZE/);
    expect(await mapped('Neo.ClientError.Cluster.NotALeader', 'No longer the leader')).toBeInstanceOf(StoreUnavailable);
    expect(await mapped('Neo.ClientError.General.ForbiddenOnReadOnlyDatabase')).toBeInstanceOf(StoreUnavailable);
    const slow = await mapped('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated.');
    expect(slow).toBeInstanceOf(StoreUnavailable);
    expect(slow.message).toMatch(/time limit/);
  });

  it('passes other errors through unchanged', async () => {
    const err = await mapped('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    expect(err).not.toBeInstanceOf(StoreUnavailable);
    expect((err as { code?: string }).code).toBe('Neo.ClientError.Statement.SyntaxError');
  });

  it('hides credentials written into the URI', () => {
    expect(displayUri('neo4j+s://user:pw@db.example:7687/x')).toBe('neo4j+s://db.example:7687/x');
    expect(displayUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  });
});

describe('opening a Neo4j store', () => {
  it('checks connectivity, runs the migrations and the full-text index, then waits for indexes', async () => {
    const driver = new FakeDriver(versionOnly);
    const store = await openNeo4jStore(OPTS, () => driver);
    const texts = driver.calls.map((c) => c.query);
    expect(texts).toContain(FULLTEXT_INDEX);
    expect(texts.some((t) => t.startsWith('CREATE CONSTRAINT entity_id'))).toBe(true);
    // under the migration lease: the DDL, the wait for indexes, then the fingerprint that lets other replicas skip it all
    const at = (q: string) => texts.indexOf(q);
    expect(at(Q.schemaFingerprint)).toBe(0);
    expect(at(Q.acquireLease)).toBeLessThan(texts.findIndex((t) => t.startsWith('CREATE CONSTRAINT')));
    expect(texts.findIndex((t) => /db\.awaitIndexes/.test(t))).toBeGreaterThan(at(FULLTEXT_INDEX));
    expect(texts.slice(-2)).toEqual([Q.setSchemaFingerprint, Q.releaseLease]);
    expect(store.info).toEqual({ kind: 'neo4j', location: 'neo4j://db.example:7687 (database graph)' });
    expect(await store.graphVersion()).toBe(7);
    await store.close();
    expect(driver.closed).toBe(true);
    expect(driver.closedSessions).toBe(driver.opened);
  });

  it('leaves a schema whose fingerprint is current alone: a replica starting on a migrated store runs no DDL', async () => {
    const driver = new FakeDriver((query, params) => (query === Q.schemaFingerprint ? [{ fingerprint: schemaFingerprint('neo4j') }] : versionOnly(query, params)));
    const store = await openNeo4jStore(OPTS, () => driver);
    expect(driver.calls.map((c) => c.query)).toEqual([Q.schemaFingerprint]);
    await store.close();
  });

  it('waits for the process that holds the migration lease instead of migrating too', async () => {
    let polls = 0;
    const driver = new FakeDriver((query) => {
      // another replica holds the lease, and has finished by the third look
      if (query === Q.schemaFingerprint) return ++polls >= 3 ? [{ fingerprint: schemaFingerprint('neo4j') }] : [];
      return [];
    });
    const store = new CypherGraphStore(new Neo4jExecutor(driver, CTX, INFO));
    await store.migrate({ pollMs: 5 });
    const texts = driver.calls.map((c) => c.query);
    expect(texts.filter((t) => t === Q.acquireLease)).toHaveLength(1);
    expect(texts.some((t) => t.startsWith('CREATE'))).toBe(false);
    expect(polls).toBe(3);
    await expect(new CypherGraphStore(new Neo4jExecutor(new FakeDriver(() => []), CTX, INFO)).migrate({ pollMs: 5, waitMs: 30 })).rejects.toThrow(/being migrated by another process.*store:migrate/);
  });

  it('fails fast with StoreUnavailable on bad credentials and closes the driver', async () => {
    const driver = new FakeDriver(versionOnly, async () => {
      throw neo4jError('Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.');
    });
    const err = await failure(openNeo4jStore(OPTS, () => driver));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toMatch(/rejected the credentials of user "chokepoint"/);
    expect(err.message).not.toContain(OPTS.password);
    expect(driver.closed).toBe(true);
    expect(driver.opened).toBe(0);
  });

  // the test's own timeout is the bound: the driver's default retry would take ~35 s
  it('fails fast against a real driver when nothing listens (loopback port 1)', { timeout: 15_000 }, async () => {
    const err = await failure(openNeo4jStore({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'not-this-one-1234', connectionTimeoutMs: 1000, maxTransactionRetryTimeMs: 1000 }));
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(err.message).toContain('127.0.0.1:1');
    expect(err.message).not.toContain('not-this-one-1234');
  });

  it('rejects a malformed URI as bad input naming it', async () => {
    const err = await failure(openNeo4jStore({ uri: 'http://nowhere', user: 'neo4j', password: 'x' }));
    expect(err).toBeInstanceOf(InvalidInput);
    expect(err.message).toContain('http://nowhere');
  });
});

describe('values travel only as parameters', () => {
  it('no query text the store sends contains a value it was given', async () => {
    const driver = new FakeDriver(versionOnly);
    const store = await openNeo4jStore(OPTS, () => driver);
    const chip: EntityRecord = { id: 'chip:zq-marker-chip', label: 'Chip', name: 'ZqMarker Chip', aliases: ['ZQ-ALIAS'], description: 'zq description marker', props: { kind: 'gpu', memoryGb: 97 } };
    const org: EntityRecord = { id: 'org:zq-marker-org', label: 'Organization', name: 'ZqMarker Org', aliases: [], props: { kind: 'chip_designer' } };
    const base = { subject: chip.id, rel: 'DESIGNED_BY' as const, object: org.id, props: {}, documentId: 'doc:zq-marker-doc', quote: 'zq quote marker', extractor: 'zq-extractor' };
    const claim: ClaimRecord = { ...base, id: claimId(base), confidence: 0.93, observedAt: '2031-01-01T00:00:00Z' };
    await store.write({
      entities: [chip, org],
      documents: [{ id: 'doc:zq-marker-doc', url: 'https://zq.example/marker', title: 'zq title marker', kind: 'news' }],
      claims: [claim],
      retractClaims: ['claim:zq-retract'],
    });
    await store.findEntities('Chip', { where: { kind: 'gpu', exportClass: 'zq-export-marker' }, after: 'chip:zq-after', first: 5 });
    await store.search('ZqMarker H20');
    await store.neighbours(chip.id);
    await store.claimsAbout(chip.id);
    await store.acquireLease('zq-job', 'zq-owner', 60_000);
    await store.releaseLease('zq-job', 'zq-owner');
    await store.appendLog('zq-log', [{ id: 'zq-entry', at: '2031-01-02T00:00:00Z', data: { zq: 'zq-data' } }]);
    await store.readLog('zq-log', 3);
    await store.close();

    const texts = driver.calls.map((c) => c.query);
    const offending = texts.filter((t) => /zq/i.test(t) || /hunter2/.test(t) || /\b(97|0\.93|2031)\b/.test(t));
    expect(offending).toEqual([]);
    // and the values did reach the server, as parameters
    const sent = JSON.stringify(driver.calls.map((c) => fromNeo4j(c.params)));
    for (const v of ['chip:zq-marker-chip', 'ZqMarker Chip', 'zq quote marker', 'zq-export-marker', 'chip:zq-after', 'zq-owner', 'zq-data', 'zqmarker']) expect(sent, v).toContain(v);
    expect(texts).toContain(FULLTEXT_QUERY);
  });
});

describe('Lucene query for full-text search', () => {
  it('escapes every Lucene special character', () => {
    const specials = '+-&|!(){}[]^"~*?:\\/';
    const escaped = escapeLucene(specials);
    expect(escaped).toBe([...specials].map((c) => `\\${c}`).join(''));
  });

  it('matches each word exactly or with one typo, and the words run together', () => {
    expect(luceneQuery('H20')).toBe('(h20 OR h20~1)');
    expect(luceneQuery('NVIDIA H20')).toBe('(nvidia OR nvidia~1) OR (h20 OR h20~1) OR (nvidiah20 OR nvidiah20~1)');
    expect(luceneQuery('nvidia h20')).toBe(luceneQuery('NVIDIA H20'));
    // too short to be fuzzy: one edit would match nearly everything
    expect(luceneQuery('ai')).toBe('ai');
  });

  it('leaves no query syntax from the user in the query', () => {
    const q = luceneQuery('title:"x" AND (y* OR z?)~2 \\ -w +v /re/ NOT u')!;
    // only our own grouping, OR and ~1 remain; the user's AND/NOT are lowercased to plain terms
    expect(q.replace(/\(|\)| OR |~1/g, ' ')).toMatch(/^[\p{L}\p{N} ]+$/u);
    expect(q).not.toMatch(/\bAND\b|\bNOT\b/);
    expect(luceneQuery('!!! ??? ')).toBeNull();
    expect(luceneQuery('   ')).toBeNull();
  });

  it('bounds the number of terms', () => {
    const q = luceneQuery(Array.from({ length: 100 }, (_, i) => `word${i}`).join(' '))!;
    expect(q.split(' OR (').length).toBeLessThanOrEqual(20);
  });

  it('an empty query sends nothing', async () => {
    const driver = new FakeDriver();
    expect(await new Neo4jExecutor(driver, CTX, INFO).textSearch([{ query: '?!', labels: [], limit: 5 }])).toEqual([[]]);
    expect(driver.calls).toEqual([]);
  });
});
