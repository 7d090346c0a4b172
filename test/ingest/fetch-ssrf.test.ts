// The SSRF guard judges addresses, not spellings: every way of writing a loopback, private,
// link-local or metadata address is refused, on the first hop, on a redirect and in a feed item
// link; links found in a document are fetched only as http(s) URLs, never read as local paths.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { FetchError } from '../../ingest/fetch/fetch-error.js';
import { Fetcher } from '../../ingest/fetch/fetcher.js';
import { blockedRange, isBlockedAddress } from '../../ingest/fetch/ssrf-guard.js';
import { documentLinkProblem, IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { contentHash, documentId } from '../../schema/records.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

describe('address spellings', () => {
  it.each([
    // IPv4
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['192.0.0.192', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    // IPv6 proper
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'teredo'],
    ['4000::1', 'reserved'],
    // IPv4 inside IPv6: mapped, translated, compatible, NAT64, 6to4
    ['::ffff:7f00:1', 'ipv4Mapped address of an IPv4 loopback address'],
    ['::ffff:127.0.0.1', 'ipv4Mapped address of an IPv4 loopback address'],
    ['::FFFF:7F00:0001', 'ipv4Mapped address of an IPv4 loopback address'],
    ['0:0:0:0:0:ffff:7f00:1', 'ipv4Mapped address of an IPv4 loopback address'],
    ['::ffff:a9fe:a9fe', 'ipv4Mapped address of an IPv4 linkLocal address'],
    ['::ffff:169.254.169.254', 'ipv4Mapped address of an IPv4 linkLocal address'],
    ['::ffff:a00:1', 'ipv4Mapped address of an IPv4 private address'],
    ['::ffff:0:7f00:1', 'rfc6145 address of an IPv4 loopback address'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::127.0.0.1', 'ipv4Mapped address of an IPv4 loopback address'], // ipaddr.js reads this spelling as mapped; refused either way
    ['::a9fe:a9fe', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'rfc6052 address of an IPv4 loopback address'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052 address of an IPv4 linkLocal address'],
    ['64:ff9b::10.0.0.1', 'rfc6052 address of an IPv4 private address'],
    ['64:ff9b:1::a00:1', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 address of an IPv4 loopback address'],
    ['2002:a9fe:a9fe::1', '6to4 address of an IPv4 linkLocal address'],
    ['2002:c0a8:101::1', '6to4 address of an IPv4 private address'],
    // not addresses at all
    ['0x7f.1', 'not an IP address'],
    ['2130706433', 'not an IP address'],
    ['localhost', 'not an IP address'],
  ])('%s is refused (%s)', (address, range) => {
    expect(blockedRange(address)).toBe(range);
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])('%s is public', (address) =>
    expect(blockedRange(address)).toBeNull(),
  );

  it('the URL parser spells every IPv4 form as dotted decimal before the guard sees it', () => {
    for (const spelling of ['http://0x7f.1/', 'http://2130706433/', 'http://127.1/', 'http://0177.0.0.1/']) expect(new URL(spelling).hostname).toBe('127.0.0.1');
    expect(new URL('http://[::ffff:127.0.0.1]/').hostname).toBe('[::ffff:7f00:1]');
  });
});

describe('the fetcher refuses every spelling, on the first hop and on redirects', () => {
  const refused = async (url: string) => {
    const err = await new Fetcher({ retries: 0, timeoutMs: 2000 }).fetch(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  };

  it.each([
    'http://[::ffff:7f00:1]:9/',
    'http://[::ffff:127.0.0.1]:9/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://[::7f00:1]:9/',
    'http://[64:ff9b::7f00:1]:9/',
    'http://[2002:7f00:1::]:9/',
    'http://[::1]:9/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://0x7f.1:9/',
    'http://2130706433:9/',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost:9/',
    'http://anything.localhost:9/',
  ])('%s', async (url) => {
    const err = await refused(url);
    expect(err.reason).toBe('ssrf_blocked');
    expect(err.message).toMatch(/not a public address/);
  });

  describe('a redirect from a public address to a private one', () => {
    afterEach(() => vi.restoreAllMocks());

    it('is refused before the second request is made', async () => {
      // The first hop (a public literal) answers 302 without touching the network.
      const request = vi.spyOn(http, 'request').mockImplementation(((_url: URL, _opts: unknown, onResponse: (res: unknown) => void) => {
        const req = Object.assign(new EventEmitter(), {
          end: () => onResponse(Object.assign(new EventEmitter(), { statusCode: 302, headers: { location: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' }, resume: () => {} })),
          destroy: () => {},
        });
        return req;
      }) as never);
      const err = await refused('http://93.184.216.34/start');
      expect(err.reason).toBe('ssrf_blocked');
      expect(err.url).toBe('http://[::ffff:a9fe:a9fe]/latest/meta-data/');
      expect(request).toHaveBeenCalledTimes(1);
    });
  });
});

describe('links inside a document', () => {
  it.each([
    ['/etc/os-release', /never read as a local path/],
    ['etc/os-release', /never read as a local path/],
    ['file:///etc/os-release', /file: links inside a document are not followed/],
    ['javascript:alert(1)', /javascript: links/],
    ['gopher://x.example/', /gopher: links/],
  ])('%s is not followed', (link, why) => expect(documentLinkProblem(link)).toMatch(why));

  it.each(['https://lab.example.com/news/1', 'http://x.example/a?b=c'])('%s may be fetched', (link) => expect(documentLinkProblem(link)).toBeNull());
});

describe('a feed handed over whose item links point at local files and loopback', () => {
  let server: FixtureServer;
  let store: GraphStore;
  let secret: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    store = await openEmbeddedStore({ dataDir: ':memory:' });
    secret = join(mkdtempSync(join(tmpdir(), 'chokepoint-ssrf-')), 'secret.txt');
    folders.push(dirname(secret));
    writeFileSync(secret, 'Scale AI acquired ICG Solutions.\n');
  });
  // the folders this suite writes its local files into, removed after it
  const folders: string[] = [];
  afterAll(async () => {
    await store.close();
    await server.close();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  const feed = (links: string[]) =>
    Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>${links.map((l, i) => `<item><title>item ${i}</title><link>${l}</link><description>Feed text ${i}.</description></item>`).join('')}</channel></rss>`,
    );

  it('reads nothing local and fetches nothing private, in a server (no local files) and on the command line alike', async () => {
    const port = new URL(server.base).port;
    const links = [secret, `file://${secret}`, `http://[::ffff:7f00:1]:${port}/article`, `http://[::ffff:127.0.0.1]:${port}/article`];
    for (const localFiles of [false, true]) {
      const pipeline = new IngestPipeline({ store, fetcher: new Fetcher({ retries: 0, timeoutMs: 2000 }), localFiles });
      const report = await pipeline.run('feed-links', [{ location: 'handed.xml', kind: 'feed', content: feed(links) }]);
      expect(report.failures.map((f) => [f.url, f.reason])).toEqual(links.map((l, i) => [l, i < 2 ? 'bad_url' : 'ssrf_blocked']));
      // each item falls back on its own text from the feed; nothing of the file or the page is read
      expect(report.documents.fromFeedText).toBe(links.length);
      expect(report.documents.added + report.documents.unchanged).toBe(links.length);
    }
    const hashes = (await store.allDocuments()).map((d) => d.contentHash);
    expect(hashes).not.toContain(contentHash('Scale AI acquired ICG Solutions.\n'));
    expect(hashes).not.toContain(contentHash('Scale AI acquired ICG Solutions.'));
    expect(await store.getDocuments([documentId(secret)])).toMatchObject(new Map([[documentId(secret), { kind: 'feed', contentHash: contentHash('item 0\n\nFeed text 0.') }]]));
  });

  it("a server reads no local path named as a target; the operator's command line does", async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'chokepoint-ssrf-')), 'other.txt');
    folders.push(dirname(other));
    writeFileSync(other, 'Scale AI acquired ICG Solutions.\n');
    const pipeline = new IngestPipeline({ store, fetcher: new Fetcher({ retries: 0 }), localFiles: false });
    const report = await pipeline.run('local-target', [{ location: other }]);
    expect(report.failures).toMatchObject([{ url: other, reason: 'bad_url', message: expect.stringMatching(/reads no local files/) as unknown }]);
    expect((await store.getDocuments([documentId(other)])).size).toBe(0);

    // an operator naming the same file on the command line of a process that owns the store reads it
    const operator = await new IngestPipeline({ store, fetcher: new Fetcher({ retries: 0 }) }).run('operator', [{ location: other }]);
    expect(operator.failures).toEqual([]);
    expect(operator.documents.added).toBe(1);
  });
});

describe('ingestDocuments over GraphQL', () => {
  it('reads nothing local for an RSS whose item links are local paths, and fetches no mapped loopback or metadata address', async () => {
    const { loadConfig } = await import('../../api/config.js');
    const { startServer } = await import('../../api/server/serve.js');
    const { gql } = await import('../api/client.js');
    const server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor', SEED_ON_START: 'false' }));
    try {
      const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description><item><title>a</title><link>/etc/os-release</link><description>one</description></item><item><title>b</title><link>file:///etc/os-release</link><description>two</description></item></channel></rss>`;
      const r = await gql<{ ingestDocuments: { documents: { failures: { reason: string; url: string }[] }[] } }>(
        server.url,
        'mutation($documents: [IngestDocumentInput!]!) { ingestDocuments(documents: $documents) { documents { failures { reason url } } } }',
        { documents: [{ source: 'feed.xml', content: rss, kind: 'feed' }] },
        { authorization: 'Bearer ed' },
      );
      expect(r.body.data!.ingestDocuments.documents[0]!.failures).toEqual([
        { reason: 'bad_url', url: '/etc/os-release' },
        { reason: 'bad_url', url: 'file:///etc/os-release' },
      ]);
      const docs = await gql<{ documents?: unknown }>(server.url, '{ search(query: "Debian") { id name } }');
      expect(JSON.stringify(docs.body)).not.toMatch(/debian/i);

      // the server fetches a URL handed to it under the same guard
      const mapped = await gql<{ ingestDocuments: { documents: { failures: { reason: string; url: string }[] }[] } }>(
        server.url,
        'mutation($documents: [IngestDocumentInput!]!) { ingestDocuments(documents: $documents) { documents { failures { reason url } } } }',
        { documents: [{ source: 'http://[::ffff:7f00:1]:9/private' }, { source: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' }] },
        { authorization: 'Bearer ed' },
      );
      expect(mapped.body.data!.ingestDocuments.documents.map((d) => d.failures.map((f) => f.reason))).toEqual([['ssrf_blocked'], ['ssrf_blocked']]);
    } finally {
      await server.stop();
    }
  });
});
