// A hostile client against a real server: each attack is sent while a probe query runs; every
// refusal has the right HTTP status and code, the probe is answered, and the server stays up.
// Nothing here times anything (speed under attack is in `npm run bench`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { loadConfig } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { WorkMeter } from '../../api/graphql/budget.js';
import { WorkSlots } from '../../api/graphql/work-slots.js';
import { BODY_POOL_LIMITS, BodyGatePool, BodyPoolBusy } from '../../api/graphql/body-pool.js';
import { addressKey } from '../../api/server/rate-limit.js';
import { errorFormatter } from '../../api/graphql/errors.js';
import { createLogger } from '../../api/log.js';
import { codeOf, gql, type GqlResponse } from './client.js';
import { writeFixture } from './fixture.js';

const PROBE = '{ entity(id: "chip:nvidia-h20") { id name } }';
const editor = { authorization: 'Bearer ed' };
const reader = { authorization: 'Bearer rd' };

/** Posts a raw body (any size, any content) and reads the answer as JSON. */
async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<GqlResponse> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
}

/** GET with a Host header of the client's choosing (fetch does not let one set Host). */
function getWithHost(url: string, path: string, host: string): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A running server and how to stop it with its store. */
interface ServedFixture {
  server: RunningServer;
  stop(): Promise<void>;
}
/** A server on an in-memory store holding the fixture, with `env` over the settings every test here shares. */
async function serveFixture(env: Record<string, string>): Promise<ServedFixture> {
  const store: GraphStore = await openEmbeddedStore({ dataDir: ':memory:' });
  await writeFixture(store);
  const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor,rd:reader', SEED_ON_START: 'false', ...env });
  const server = await startServer(config, { store });
  return {
    server,
    stop: async () => {
      await server.stop();
      await store.close();
    },
  };
}

describe('a hostile client', () => {
  let served: ServedFixture;
  let url: string;

  beforeAll(async () => {
    served = await serveFixture({ INTROSPECTION: 'false', RATE_LIMIT_PER_SECOND: '0' });
    url = served.server.url;
  });
  afterAll(() => served.stop());

  /** Sends an attack while the probe runs; the probe must be answered in full. */
  async function underProbe<T>(attack: () => Promise<T>): Promise<T> {
    const [result, probe] = await Promise.all([attack(), gql<{ entity: { id: string } }>(url, PROBE, {}, { 'cache-control': 'no-cache' })]);
    expect(probe.status).toBe(200);
    expect(probe.body.data!.entity.id).toBe('chip:nvidia-h20');
    return result;
  }

  const nested = (levels: number, first: string) => {
    let inner = 'id';
    for (let i = 0; i < levels; i++) inner = `relations${first} { to { ${inner} } }`;
    return `{ entity(id: "chip:nvidia-h20") { ${inner} } }`;
  };

  describe('the work budget counts variables and defaults', () => {
    it('refuses nested relations fan-out with the default first', async () => {
      const r = await underProbe(() => gql(url, nested(4, '')));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.body.errors![0]!.message).toMatch(/may cost \d+, over the limit of 1000000/);
    });

    it('refuses the same fan-out with first: $n', async () => {
      const q = nested(3, '(first: $n)').replace('{ entity', 'query($n: Int) { entity');
      const small = await gql(url, q, { n: 2 });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();
      const big = await underProbe(() => gql(url, q, { n: 1000 }));
      expect(big.status).toBe(400);
      expect(codeOf(big)).toBe('BAD_USER_INPUT');
    });

    it('counts a variable page size that is only given a default in the operation', async () => {
      const q = nested(3, '(first: $n)').replace('{ entity', 'query($n: Int = 1000) { entity');
      const r = await underProbe(() => gql(url, q));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    });

    it('gives a page size the same cost whether literal, a variable or the default', async () => {
      const cost = async (q: string, variables: Record<string, unknown> = {}) => {
        const r = await gql(url, q, variables);
        expect(r.body.errors).toBeUndefined();
        return (r.body.extensions!.cost as { requested: number }).requested;
      };
      const literal = await cost('{ entity(id: "chip:nvidia-h20") { relations(first: 100) { id } } }');
      expect(await cost('query($n: Int) { entity(id: "chip:nvidia-h20") { relations(first: $n) { id } } }', { n: 100 })).toBe(literal);
      expect(await cost('{ entity(id: "chip:nvidia-h20") { relations { id } } }')).toBe(literal);
      expect(await cost('{ entity(id: "chip:nvidia-h20") { relations(first: 10) { id } } }')).toBeLessThan(literal);
    });

    it('caps list and string arguments, naming the argument', async () => {
      const ids = Array.from({ length: 5_000 }, (_, i) => `chip:x${i}`);
      const many = await underProbe(() => gql(url, 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', { ids }));
      expect(many.status).toBe(400);
      expect(codeOf(many)).toBe('BAD_USER_INPUT');
      expect(many.body.errors![0]!.message).toBe('entities(ids): at most 1000 items, got 5000');
      const huge = await gql(url, 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', { ids: Array.from({ length: 20_000 }, (_, i) => `chip:x${i}`) });
      expect(huge.status).toBe(400);
      expect(huge.body.errors![0]!.message).toBe('$ids: a list of 20000 items; no argument takes more than 1000');

      const long = await underProbe(() => gql(url, 'query($q: String!) { search(query: $q) { id } }', { q: 'nvidia '.repeat(100) }));
      expect(long.status).toBe(400);
      expect(long.body.errors![0]!.message).toBe('search(query): at most 500 characters, got 700');

      const page = await underProbe(() => gql(url, '{ models(first: 100000) { totalCount } }'));
      expect(page.status).toBe(400);
      expect(page.body.errors![0]!.message).toBe('models(first): at most 500, got 100000');
    });
  });

  describe('allowed expensive queries run in the analysis worker', () => {
    it('answers a large page within the budget in full, with its cost, under the probe', async () => {
      const q = 'query Big($n: Int) { entity(id: "nation:us") { relations(first: $n) { type to { id relations(first: 100) { type to { id name } } } } } }';
      const r = await underProbe(() => gql<{ entity: { relations: { to: { relations: unknown[] } }[] } }>(url, q, { n: 1000 }, { 'cache-control': 'no-cache', 'x-apollo-operation-name': 'Big' }));
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.entity.relations.length).toBeGreaterThan(3);
      expect(r.body.data!.entity.relations.some((rel) => rel.to.relations.length > 0)).toBe(true);
      expect((r.body.extensions!.cost as { requested: number }).requested).toBeGreaterThanOrEqual(20_000);
      // the same page asked twice is answered the same (the worker keeps its records per graph version)
      const again = await gql(url, q, { n: 1000 }, { 'cache-control': 'no-cache' });
      expect(again.body).toEqual(r.body);
    });

    it('gives the codes the serving thread gives: NOT_FOUND from a resolver, BAD_USER_INPUT from a bounded argument', async () => {
      const missing = await underProbe(() => gql(url, '{ paths(from: "nation:nowhere", to: "nation:us") { length } }'));
      expect(missing.status).toBe(200);
      expect(codeOf(missing)).toBe('NOT_FOUND');
      expect(missing.body.errors![0]!.message).toBe('from: no entity with id "nation:nowhere"');
      const deep = await underProbe(() => gql(url, '{ exposure(nation: "nation:fr", subjects: []) { exposed } }'));
      expect(codeOf(deep)).toBe('BAD_USER_INPUT');
    });
  });

  describe('limits at the door', () => {
    it('refuses a body over 1 MB with 413 before reading it all', async () => {
      const body = JSON.stringify({ query: PROBE, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
      const r = await underProbe(() => postRaw(url, body));
      expect(r.status).toBe(413);
      expect(codeOf(r)).toBe('PAYLOAD_TOO_LARGE');
    });

    it('lets only an editor send more than 1 MB, and only for ingestDocuments', async () => {
      const padded = JSON.stringify({ query: PROBE, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
      const other = await underProbe(() => postRaw(url, padded, editor));
      expect(other.status).toBe(413);
      const big = JSON.stringify({
        query: 'mutation($d: [IngestDocumentInput!]!) { ingestDocuments(documents: $d) { documents { status } } }',
        // over 1 MB of blank lines around one sentence: large to send, quick to extract
        variables: { d: [{ source: 'notes/big.txt', content: `Mistral AI is based in Paris.${'\n'.repeat(1_200_000)}` }] },
      });
      expect(big.length).toBeGreaterThan(1024 * 1024);
      const r = await underProbe(() => postRaw(url, big, editor));
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      const anonymous = await postRaw(url, big);
      expect(anonymous.status).toBe(413);
    });

    it('refuses variables the operation does not declare, naming them, small or large', async () => {
      const small = await underProbe(() => gql(url, PROBE, { pad: 'y' }));
      expect(small.status).toBe(400);
      expect(codeOf(small)).toBe('BAD_USER_INPUT');
      expect(small.body.errors![0]!.message).toBe('variables: $pad is not declared by the operation: send only the variables it declares');
      const pad = 'y'.repeat(512 * 1024);
      for (let i = 0; i < 5; i++) {
        const r = await underProbe(() => postRaw(url, JSON.stringify({ query: 'query Probe($id: ID!) { entity(id: $id) { id } }', variables: { id: 'chip:nvidia-h20', [`pad${i}`]: pad, more: 1 } })));
        expect(r.status).toBe(400);
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
        expect(r.body.errors![0]!.message).toBe(`variables: $pad${i}, $more are not declared by operation Probe: send only the variables it declares`);
      }
      const probe = await gql(url, PROBE);
      expect(probe.status).toBe(200);
    });

    it('checks a large body against the budget before the event loop parses it, and answers the large bodies it accepts', async () => {
      // 1,000 ids of 60 characters: over 32 KB, so read by the worker, and within every cap
      const ids = Array.from({ length: 1_000 }, (_, i) => (i ? `chip:absent-${String(i).padStart(50, '0')}` : 'chip:nvidia-h20'));
      const q = 'query($ids: [ID!]!) { entities(ids: $ids) { id } }';
      expect(JSON.stringify({ query: q, variables: { ids } }).length).toBeGreaterThan(32 * 1024);
      const ok = await underProbe(() => gql<{ entities: ({ id: string } | null)[] }>(url, q, { ids }));
      expect(ok.status).toBe(200);
      expect(ok.body.data!.entities[0]).toEqual({ id: 'chip:nvidia-h20' });
      const over = await underProbe(() => gql(url, q, { ids: [...ids, ...ids] }));
      expect(over.status).toBe(400);
      expect(over.body.errors![0]!.message).toBe('entities(ids): at most 1000 items, got 2000');
      const search = await underProbe(() => gql(url, 'query($q: String!) { search(query: $q) { id } }', { q: 'nvidia '.repeat(43_000) }));
      expect(search.status).toBe(400);
      expect(search.body.errors![0]!.message).toBe('search(query): at most 500 characters, got 301000');
    });

    it('answers a large body that is not JSON, or whose query does not parse or validate, as it answers a small one', async () => {
      const pad = 'z'.repeat(100 * 1024);
      const notJson = await underProbe(() => postRaw(url, `{"query": "{ graphVersion }", "variables": {"pad": "${pad}"`));
      expect(notJson.status).toBe(400);
      expect(codeOf(notJson)).toBe('BAD_REQUEST');
      expect(notJson.body.errors![0]!.message).toBe('the request body is not valid JSON');
      const syntax = await underProbe(() => gql(url, 'query($pad: String) { entity(id: "x") { id ', { pad }));
      expect(syntax.status).toBe(400);
      expect(codeOf(syntax)).toBe('GRAPHQL_PARSE_FAILED');
      const invalid = await underProbe(() => gql(url, 'query($pad: String) { entity(id: "chip:nvidia-h20") { nam } }', { pad }));
      expect(invalid.status).toBe(400);
      expect(codeOf(invalid)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(invalid.body.errors![0]!.message).toBe('Cannot query field "nam" on type "Entity".');
      const batch = await underProbe(() => postRaw(url, JSON.stringify([{ query: '{ graphVersion }', variables: { pad } }])));
      expect(batch.status).toBe(400);
      expect(codeOf(batch)).toBe('BAD_REQUEST');
      expect(batch.body.errors![0]!.message).toBe('Operation batching disabled.');
    });

    it('passes on only what Apollo reads from a large body, and checks the variables of a query sent by hash alone', async () => {
      const junk = Array.from({ length: 20_000 }, (_, i) => `junk-${i}`);
      const extra = await underProbe(() => postRaw(url, JSON.stringify({ query: '{ graphVersion }', junk, extensions: { junk } })));
      expect(extra.status).toBe(200);
      expect(typeof (extra.body.data as { graphVersion: unknown }).graphVersion).not.toBe('undefined');
      const byHash = await underProbe(() => postRaw(url, JSON.stringify({ variables: { ids: junk }, extensions: { persistedQuery: { version: 1, sha256Hash: 'c'.repeat(64) } } })));
      expect(byHash.status).toBe(400);
      expect(byHash.body.errors![0]!.message).toBe('$ids: a list of 20000 items; no argument takes more than 1000');
    });
  });

  describe('bad requests get client answers', () => {
    it('a syntax error is 400 GRAPHQL_PARSE_FAILED', async () => {
      const r = await underProbe(() => gql(url, '{ entity(id: "chip:nvidia-h20") { id name '));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('GRAPHQL_PARSE_FAILED');
    });

    it('a validation error is 400 GRAPHQL_VALIDATION_FAILED and suggests nothing with introspection off', async () => {
      const r = await underProbe(() => gql(url, '{ entity(id: "chip:nvidia-h20") { nam } }'));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.body.errors![0]!.message).toBe('Cannot query field "nam" on type "Entity".');
    });

    it('a persisted-query hash that does not match its query is 400', async () => {
      const body = JSON.stringify({ query: PROBE, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
      const r = await underProbe(() => postRaw(url, body));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('BAD_REQUEST');
      expect(r.body.errors![0]!.message).toContain(createHash('sha256').update(PROBE).digest('hex'));
      const ext = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } }));
      const get = await fetch(`${url}/graphql?query=${encodeURIComponent(PROBE)}&extensions=${ext}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(400);
    });

    it('an impossible date is refused, never read as "no date"', async () => {
      const r = await underProbe(() => gql(url, '{ entity(id: "chip:nvidia-h20") { relations(asOf: "2026-02-30") { id } } }'));
      expect(r.status).toBe(400);
      expect(r.body.errors![0]!.message).toMatch(/"2026-02-30" is not a calendar date \(February 2026 has 28 days\)/);
      const v = await gql(url, 'query($d: Date) { dependents(id: "chip:nvidia-h20", asOf: $d) { nodes { id } } }', { d: '2019-00-10' });
      expect(v.status).toBe(400);
      expect(codeOf(v)).toBe('BAD_USER_INPUT');
    });

    it('a claim with a javascript: source, reversed dates or a control character in a name is refused, naming the field', async () => {
      const claim = (source: string, validFrom = '2025-01-01', validTo = '2025-06-01') =>
        gql(
          url,
          'mutation($i: AddClaimInput!) { addClaim(input: $i) { claim { id } } }',
          { i: { subject: 'lab:deepseek', type: 'HEADQUARTERED_IN', object: 'nation:cn', source: { url: source }, validFrom, validTo } },
          editor,
        );
      const js = await underProbe(() => claim('javascript:alert(1)'));
      expect(codeOf(js)).toBe('BAD_USER_INPUT');
      expect(js.body.errors![0]!.message).toMatch(/^input\.source\.url: .*javascript:alert\(1\)/);
      const reversed = await claim('https://example.org/a', '2025-06-01', '2025-01-01');
      expect(reversed.body.errors![0]!.message).toBe('input.validFrom: "2025-06-01" is after input.validTo "2025-01-01"');
      const name = await gql(url, 'mutation($i: UpsertEntityInput!) { upsertEntity(input: $i) { id } }', { i: { type: 'LAB', name: 'Evil\u0000Lab' } }, editor);
      expect(codeOf(name)).toBe('BAD_USER_INPUT');
      expect(name.body.errors![0]!.message).toMatch(/^input\.name: .*contains control characters/);
    });

    it('the run log (fetched URLs, errors) needs a key; a reader key is enough', async () => {
      const q = '{ deadLetters(first: 5) { url } ingestRuns(first: 5) { id } }';
      const anonymous = await underProbe(() => gql(url, q));
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      const withKey = await gql(url, q, {}, reader);
      expect(withKey.body.errors).toBeUndefined();
    });

    it('builds public URLs from the listening address, never from the Host header', async () => {
      const embed = encodeURIComponent(`${url}/embed/map?focus=chip:nvidia-h20`);
      const oembed = await underProbe(() => getWithHost(url, `/oembed?url=${embed}`, 'evil.example'));
      expect(oembed.status).toBe(200);
      expect(oembed.text).not.toContain('evil.example');
      expect(oembed.text).toContain(`${url.replace('localhost', '127.0.0.1')}/embed/map?`);
      const gallery = await getWithHost(url, '/embed', 'evil.example');
      expect(gallery.status).toBe(200);
      expect(gallery.text).not.toContain('evil.example');
    });
  });

  it('is still up and answering after every attack', async () => {
    const r = await gql<{ entity: { name: string } }>(url, PROBE, {}, { 'cache-control': 'no-cache' });
    expect(r.body.data!.entity.name).toBe('NVIDIA H20');
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('rate limits per client', () => {
  let served: ServedFixture;
  let server: RunningServer;
  beforeAll(async () => {
    served = await serveFixture({ RATE_LIMIT_PER_SECOND: '3', RATE_LIMIT_BURST: '2' });
    server = served.server;
  });
  afterAll(() => served.stop());

  it('answers a flood from one address with 429 and Retry-After, while a keyed client and health checks go on', async () => {
    const flood = await Promise.all(Array.from({ length: 20 }, () => gql(server.url, PROBE)));
    const refused = flood.filter((r) => r.status === 429);
    // 3 a second plus a burst of 2: at most 5 (6 across a second boundary) of 20 get through
    expect(refused.length).toBeGreaterThanOrEqual(14);
    expect(codeOf(refused[0]!)).toBe('RATE_LIMITED');
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const keyed = await gql(server.url, PROBE, {}, reader);
    expect(keyed.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('rate-limit clients by address', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8:1:3::1', '2001:db8:1:3::/64'],
    [undefined, 'local'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('the runtime half of the budget', () => {
  it('stops work past the deadline with TIMEOUT', () => {
    const meter = new WorkMeter(Date.now() - 1);
    expect(() => meter.check()).toThrow(/ran out of time/);
  });

  it('stops an answer that grows past the item cap', () => {
    const meter = new WorkMeter(Date.now() + 60_000, 100);
    meter.add(60);
    expect(() => meter.add(60)).toThrow(/more than 100 items/);
  });

  it('runs a bounded number of expensive operations; the rest wait in line, and past the line are refused', async () => {
    const slots = new WorkSlots(1, 1);
    const first = await slots.acquire()!;
    const second = slots.acquire();
    expect(second).not.toBeNull();
    expect(slots.acquire()).toBeNull();
    expect(slots.load).toEqual({ running: 1, waiting: 1 });
    first();
    const release = await second!;
    expect(slots.load).toEqual({ running: 1, waiting: 0 });
    release();
    release();
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it('reads a bounded number of large bodies at once; past that the caller is told to come back', async () => {
    const pool = new BodyGatePool({ ...BODY_POOL_LIMITS, threads: 1, queue: 0 });
    try {
      const body = Buffer.from(JSON.stringify({ query: '{ graphVersion }', variables: { pad: 'x'.repeat(64 * 1024) } }));
      const first = pool.gate(Buffer.from(body));
      await expect(pool.gate(Buffer.from(body))).rejects.toBeInstanceOf(BodyPoolBusy);
      expect(await first).toMatchObject({ refused: { status: 400, code: 'BAD_USER_INPUT', message: 'variables: $pad is not declared by the operation: send only the variables it declares' } });
    } finally {
      await pool.close();
    }
  });

  it('reports a full disk as such', () => {
    const format = errorFormatter(createLogger('silent'));
    const err = new Error('rollback failed', { cause: Object.assign(new Error('write failed: No space left on device'), { code: 'ENOSPC' }) });
    const out = format({ message: 'rollback failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err);
    expect(out).toMatchObject({ message: 'the store could not write: the disk is full (no space left on device)', extensions: { code: 'STORE_UNAVAILABLE' } });
  });
});
