// Fetched pages are parsed in a worker pool with a depth limit, a time limit and a bounded
// queue: a page of thousands of nested tags is refused by name, never a crash or a stall, and a
// page over the time limit or a full queue is a named failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { htmlDepth, htmlSource, MAX_HTML_DEPTH, parseHtml } from '../../ingest/sources/html.js';
import { HtmlParsePool, ParseLimitError, useHtmlParsePool } from '../../ingest/sources/html-pool.js';
import { IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { InvalidInput } from '../../schema/errors.js';
import { runCli } from '../cli/run-cli.js';

const nested = (n: number, open = '<div>', close = '</div>') => `<html><body><article>${open.repeat(n)}<p>NVIDIA sells chips.</p>${close.repeat(n)}</article></body></html>`;
const work = mkdtempSync(join(tmpdir(), 'chokepoint-parse-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nesting depth', () => {
  it.each([
    ['<p>a<p>b<p>c', 1], // implied end tags: paragraphs do not nest
    ['<ul><li>a<li>b<li>c</ul>', 2],
    ['<div><div><span>x</span></div></div>', 3],
    [nested(3), 7], // html, body, article, three divs, p
  ])('%s nests %i deep', (html, depth) => expect(htmlDepth(html)).toBe(depth));

  it('stops counting just past the limit', () => expect(htmlDepth(nested(30_000))).toBe(MAX_HTML_DEPTH + 1));

  it.each([5_000, 30_000])('a page of %i nested tags is refused, naming the page and the limit', (n) => {
    expect(() => parseHtml(nested(n), 'https://x.example/deep')).toThrow(new InvalidInput(`https://x.example/deep: elements nest more than ${MAX_HTML_DEPTH} deep; such a page is not read`));
    expect(() => parseHtml(nested(n / 2, '<li><blockquote>', ''), 'https://x.example/deep')).toThrow(InvalidInput);
  });

  it('a page just under the limit is read whole', () => {
    expect(parseHtml(nested(MAX_HTML_DEPTH - 10), 'https://x.example/ok').text).toBe('NVIDIA sells chips.');
  });

  it('only the innermost block of nested blocks gives a line', () => {
    const doc = parseHtml('<article><blockquote><p>One.</p><p>Two.</p></blockquote><ul><li><p>Three.</p></li><li>Four.</li></ul></article>', 'https://x.example/b');
    expect(doc.text).toBe('One.\nTwo.\nThree.\nFour.');
  });
});

describe('the worker pool', () => {
  it('parses a page in a worker (as a server does) to the same document as in this thread', async () => {
    useHtmlParsePool();
    const html = '<html><head><title>T</title></head><body><article><p>Zhipu AI trains GLM-5.</p></article></body></html>';
    const out = await htmlSource.parse({ url: 'https://x.example/a', body: Buffer.from(html) }, {} as never);
    expect(out.documents).toEqual([parseHtml(html, 'https://x.example/a')]);
  });

  it('brings a refusal back as InvalidInput', async () => {
    await expect(htmlSource.parse({ url: 'https://x.example/deep', body: Buffer.from(nested(5_000)) }, {} as never)).rejects.toThrow(InvalidInput);
  });

  it('ends a page over the time limit as parse_timeout', async () => {
    const pool = new HtmlParsePool({ threads: 1, queue: 4, timeoutMs: 1 });
    try {
      const big = `<html><body>${'<p>NVIDIA sells chips to many buyers.</p>'.repeat(50_000)}</body></html>`;
      const err = await pool.parse(big, 'https://x.example/big').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ParseLimitError);
      expect(err).toMatchObject({ reason: 'parse_timeout', message: 'https://x.example/big: parsing took longer than 1 ms and was stopped' });
    } finally {
      await pool.close();
    }
  });

  it('refuses pages beyond its queue as overloaded', async () => {
    const pool = new HtmlParsePool({ threads: 1, queue: 1, timeoutMs: 30_000 });
    try {
      const page = '<html><body><p>x</p></body></html>';
      const results = await Promise.allSettled([1, 2, 3, 4].map((i) => pool.parse(page, `https://x.example/${i}`)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ reason: 'overloaded' });
    } finally {
      await pool.close();
    }
  });
});

describe('a deeply nested page in ingest and extract', () => {
  it('is a parse_error dead letter naming the limit, and the run goes on', async () => {
    const store = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      const report = await new IngestPipeline({ store }).run('deep', [
        { location: 'https://x.example/deep.html', kind: 'news', content: Buffer.from(nested(30_000)) },
        { location: 'https://x.example/ok.html', kind: 'news', content: Buffer.from(nested(2)) },
      ]);
      expect(report.failures).toMatchObject([{ url: 'https://x.example/deep.html', reason: 'parse_error', message: expect.stringMatching(/nest more than 512 deep/) as unknown }]);
      expect(report.documents.added).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('handed to a server, is a parse_error outcome for that document while the server keeps answering', async () => {
    const { loadConfig } = await import('../../api/config.js');
    const { startServer } = await import('../../api/server/serve.js');
    const { gql } = await import('../api/client.js');
    const server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor', SEED_ON_START: 'false' }));
    try {
      const ingest = gql<{ ingestDocuments: { documents: { source: string; status: string; failures: { reason: string }[] }[] } }>(
        server.url,
        'mutation($documents: [IngestDocumentInput!]!) { ingestDocuments(documents: $documents) { documents { source status failures { reason } } } }',
        {
          documents: [
            { source: 'https://x.example/deep.html', content: nested(30_000), kind: 'news' },
            { source: 'https://x.example/ok.html', content: nested(2), kind: 'news' },
          ],
        },
        { authorization: 'Bearer ed' },
      );
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await ingest).body.data!.ingestDocuments.documents).toEqual([
        { source: 'https://x.example/deep.html', status: 'failed', failures: [{ reason: 'parse_error' }] },
        { source: 'https://x.example/ok.html', status: 'added', failures: [] },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('chokepoint extract answers a page of 5,000 nested tags with one line, exit 1', async () => {
    const file = join(work, 'deep.html');
    writeFileSync(file, nested(5_000));
    const r = await runCli(['extract', file, '--entities', 'none'], { DATA_DIR: join(work, 'data') });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/deep\.html: elements nest more than 512 deep; such a page is not read$/)]);
  });
});
