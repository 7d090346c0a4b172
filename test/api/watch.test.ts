// Standing scenarios as a user runs them: start the server, register a watch, import facts that
// change a deployment's status, read the change over GraphQL, the Atom feed and the subscription,
// restart the server and read it again; a write made while the server was down is caught up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { xmlText } from '../../api/xml-text.js';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { factsToBatch, parseFactLines } from '../../graph/facts.js';
import type { GraphStore } from '../../graph/store.js';
import { codeOf, gql } from './client.js';
import { ENTITIES, writeFixture } from './fixture.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-watch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// a deployment name and a scenario title no feed may pass through raw
const HOSTILE = 'French <b>gov</b> & "assistant" ]]> <![CDATA[x]]> \u0007 naïve 政府';
const TITLE = 'TSMC outage </title><script>alert(1)</script> \u0001';
const EDITOR = { authorization: 'Bearer ed' };

const FAB_FACT = '{"kind":"fact","rel":"FABRICATED_BY","subject":{"id":"chip:nvidia-h100"},"object":{"id":"org:tsmc"},"quote":"TSMC makes the H100.","source":"https://example.org/fab-report"}';

/** Loads fact records as `chokepoint import` does. */
async function importFacts(store: GraphStore, jsonl: string): Promise<number> {
  const { batch, rejected } = await factsToBatch(parseFactLines(`${jsonl}\n`).records, store, { defaultSource: 'watch-test.jsonl' });
  expect(rejected).toEqual([]);
  return (await store.write(batch)).version;
}

async function until<T>(read: () => Promise<T>, done: (t: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Feed = { title?: string; items: { title?: string; id?: string; content?: string }[] };

describe('standing scenarios', () => {
  const dataDir = join(work, 'data');
  let config: Config;
  let server: RunningServer;
  let watchId = '';
  let feedUrl = '';
  const feed = async (): Promise<{ status: number; type: string | null; text: string }> => {
    const res = await fetch(feedUrl);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const parseFeed = async (text: string) => (await new Parser().parseString(text)) as unknown as Feed;
  const watchChanges = async () =>
    gql<{
      scenarioWatch: {
        version: number;
        summary: { broken: number };
        changes: {
          fromVersion: number;
          version: number;
          deployments: { deployment: { id: string; name: string }; before: string; after: string; causes: { kind: string; relationType: string; documents: { url: string }[] }[] }[];
        }[];
      };
    }>(
      server.url,
      `query($id: ID!) { scenarioWatch(id: $id) { version summary { broken } changes { fromVersion version deployments { deployment { id name } before after causes { kind relationType documents { url } } } } } }`,
      { id: watchId },
    );

  beforeAll(async () => {
    const store = await openEmbeddedStore({ dataDir });
    await writeFixture(store);
    const deployment = ENTITIES.find((e) => e.id === 'deployment:fr-gov-assistant')!;
    await store.write({ entities: [{ ...deployment, name: HOSTILE }] });
    await store.close();
    config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor,rd:reader', SEED_ON_START: 'false' });
    server = await startServer(config);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('registers a scenario only with an editor key, and refuses a scenario naming an unknown entity', async () => {
    const register = `mutation($shocks: JSON, $title: String) { registerScenarioWatch(shocks: $shocks, title: $title) { id feed version summary { broken unaffected } } }`;
    const shocks = [{ type: 'outage', targets: ['org:tsmc'] }];
    expect(codeOf(await gql(server.url, register, { shocks }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server.url, register, { shocks }, { authorization: 'Bearer rd' }))).toBe('FORBIDDEN');
    const unknown = await gql(server.url, register, { shocks: [{ type: 'outage', targets: ['org:nope'] }] }, EDITOR);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors![0]!.message).toContain('org:nope');

    const r = await gql<{ registerScenarioWatch: { id: string; feed: string; version: number; summary: { broken: number; unaffected: number } } }>(
      server.url,
      register,
      { shocks, title: TITLE },
      EDITOR,
    );
    expect(r.body.errors).toBeUndefined();
    const w = r.body.data!.registerScenarioWatch;
    expect(w.id).toMatch(/^watch:[0-9a-f-]{36}$/);
    expect(w.summary).toEqual({ broken: 0, unaffected: 1 });
    watchId = w.id;
    feedUrl = `${server.url}${w.feed}`;
    const empty = await feed();
    expect(empty.status).toBe(200);
    expect(empty.type).toMatch(/^application\/atom\+xml/);
    expect((await parseFeed(empty.text)).items).toEqual([]);
  });

  it('pushes the change over the subscription, records it, and serves it over GraphQL and as a valid, escaped Atom feed', async () => {
    // subscribe first (server-sent events), then import the fact that breaks the deployment
    const stream = await fetch(`${server.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($id: ID!) { scenarioWatchChanged(id: $id) { version deployments { deployment { id name } before after causes { kind relationType } } } }`,
        variables: { id: watchId },
      }),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const firstEvent = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
        const m = /event: next\ndata: (.+)\n/.exec(text);
        if (m) return m[1]!;
      }
    })();

    const version = await importFacts(server.store, FAB_FACT);
    const pushed = JSON.parse(await firstEvent) as { data: { scenarioWatchChanged: { version: number; deployments: unknown[] } } };
    await reader.cancel();
    expect(pushed.data.scenarioWatchChanged).toEqual({
      version,
      deployments: [{ deployment: { id: 'deployment:fr-gov-assistant', name: HOSTILE }, before: 'UNAFFECTED', after: 'BROKEN', causes: [{ kind: 'ADDED', relationType: 'FABRICATED_BY' }] }],
    });

    // (the push comes from the version written; the snapshot this server answers from follows the store within its recheck
    // interval, so a read right after may still see the version before: read again until it has caught up)
    let read = await watchChanges();
    for (let i = 0; i < 50 && !read.body.errors && read.body.data?.scenarioWatch.version !== version; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      read = await watchChanges();
    }
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.scenarioWatch).toMatchObject({ version, summary: { broken: 1 } });
    expect(read.body.data!.scenarioWatch.changes).toEqual([
      {
        fromVersion: version - 1,
        version,
        deployments: [
          {
            deployment: { id: 'deployment:fr-gov-assistant', name: HOSTILE },
            before: 'UNAFFECTED',
            after: 'BROKEN',
            causes: [{ kind: 'ADDED', relationType: 'FABRICATED_BY', documents: [{ url: 'https://example.org/fab-report' }] }],
          },
        ],
      },
    ]);

    const atom = await until(feed, (f) => f.text.includes('<entry>'));
    // hostile strings never reach the XML raw
    expect(atom.text).not.toContain('<b>');
    expect(atom.text).not.toContain('<script>');
    expect(atom.text).not.toContain('\u0007');
    expect(atom.text).not.toContain('\u0001');
    expect(atom.text).toContain(xmlText(HOSTILE));
    const parsed = await parseFeed(atom.text);
    expect(parsed.title).toBe('Scenario watch: TSMC outage </title><script>alert(1)</script> \uFFFD');
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]!.title).toBe(`1 deployment changed: ${HOSTILE.replace('\u0007', '\uFFFD')} UNAFFECTED -> BROKEN`);
    expect(parsed.items[0]!.content).toContain('claim added at version');
    expect(parsed.items[0]!.content).toContain('chip:nvidia-h100 FABRICATED_BY org:tsmc (https://example.org/fab-report)');
  });

  it('survives a restart, catches up with a write made while the server was down, and reports the next change', async () => {
    const before = await feed();
    await server.stop();
    // while the server is down, the fact is retracted (the deployment is whole again)
    const store = await openEmbeddedStore({ dataDir });
    const claim = (await store.claimsAbout('org:tsmc')).find((c) => c.subject === 'chip:nvidia-h100')!;
    const retractedAt = (await store.write({ retractClaims: [claim.id] })).version;
    await store.close();

    server = await startServer(config);
    feedUrl = feedUrl.replace(/^http:\/\/[^/]+/, server.url);
    const after = await until(feed, (f) => (f.text.match(/<entry>/g) ?? []).length === 2);
    const items = (await parseFeed(after.text)).items;
    expect(items.map((i) => i.title)).toEqual([`1 deployment changed: ${HOSTILE.replace('\u0007', '\uFFFD')} BROKEN -> UNAFFECTED`, (await parseFeed(before.text)).items[0]!.title]);
    // the entry of the first change kept its id across the restart
    expect(items[1]!.id).toBe((await parseFeed(before.text)).items[0]!.id);
    const read = await watchChanges();
    expect(read.body.data!.scenarioWatch.changes.map((c) => [c.version, c.deployments[0]!.after, c.deployments[0]!.causes.map((x) => x.kind)])).toEqual([
      [retractedAt, 'UNAFFECTED', ['RETRACTED']],
      [retractedAt - 1, 'BROKEN', ['ADDED']],
    ]);

    // and after the restart, an import is reported as before
    const again = await importFacts(server.store, FAB_FACT);
    const third = await until(watchChanges, (r) => r.body.data!.scenarioWatch.changes.length === 3);
    expect(third.body.data!.scenarioWatch.changes[0]).toMatchObject({ version: again, deployments: [{ before: 'UNAFFECTED', after: 'BROKEN', causes: [{ kind: 'ADDED' }] }] });

    // the same changes as a connection, paged both ways
    type WatchPage = {
      scenarioWatch: { changesConnection: { totalCount: number; edges: { cursor: string; node: { version: number } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } } };
    };
    const conn = (args: string, vars: Record<string, unknown> = {}) =>
      gql<WatchPage>(
        server.url,
        `query($id: ID!${args.includes('$c') ? ', $c: String' : ''}) { scenarioWatch(id: $id) { changesConnection(${args}) { totalCount edges { cursor node { version } } pageInfo { hasNextPage hasPreviousPage } } } }`,
        { id: watchId, ...vars },
      );
    const versions = third.body.data!.scenarioWatch.changes.map((c) => c.version);
    const firstTwo = (await conn('first: 2')).body.data!.scenarioWatch.changesConnection;
    expect([firstTwo.totalCount, firstTwo.edges.map((e) => e.node.version), firstTwo.pageInfo.hasNextPage]).toEqual([3, versions.slice(0, 2), true]);
    const rest = (await conn('after: $c', { c: firstTwo.edges[1]!.cursor })).body.data!.scenarioWatch.changesConnection;
    expect(rest.edges.map((e) => e.node.version)).toEqual(versions.slice(2));
    const oldest = (await conn('last: 1')).body.data!.scenarioWatch.changesConnection;
    expect([oldest.edges.map((e) => e.node.version), oldest.pageInfo.hasPreviousPage]).toEqual([versions.slice(2), true]);
    const newer = (await conn('last: 5, before: $c', { c: oldest.edges[0]!.cursor })).body.data!.scenarioWatch.changesConnection;
    expect(newer.edges.map((e) => e.node.version)).toEqual(versions.slice(0, 2));
  });

  it('answers unknown and malformed watch ids with a one-line error, and the stream endpoint serves subscriptions only', async () => {
    const missing = await fetch(`${server.url}/feeds/scenario-watch/watch:00000000-0000-0000-0000-000000000000.atom`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('id: no scenario watch "watch:00000000-0000-0000-0000-000000000000"\n');
    const bad = await fetch(`${server.url}/feeds/scenario-watch/nonsense.atom`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^id: expected a scenario watch id/);
    expect(codeOf(await gql(server.url, `{ scenarioWatch(id: "nonsense") { id } }`))).toBe('BAD_USER_INPUT');
    const query = await fetch(`${server.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: '{ graphVersion }' }),
    });
    const answer = await query.text();
    expect(answer).toContain('/graphql/stream serves subscriptions only: send queries and mutations to /graphql');
    expect(answer).not.toContain('"graphVersion"');
    const unregistered = await gql<{ unregisterScenarioWatch: { removedAt: string | null } }>(
      server.url,
      `mutation($id: ID!) { unregisterScenarioWatch(id: $id) { removedAt } }`,
      { id: watchId },
      EDITOR,
    );
    expect(unregistered.body.data!.unregisterScenarioWatch.removedAt).toMatch(/^\d{4}-/);
  });
});
