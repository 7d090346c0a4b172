// GraphQL ingest on an in-process server: ingestRuns / deadLetters, and the hand-off mutations
// (editor role, zod validation, the 5 MB per-document cap, per-document outcomes, the SSRF guard).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.js';
import { startServer, type RunningServer } from '../../api/server/serve.js';
import { codeOf, gql } from '../api/client.js';

const INGEST = `mutation($documents: [IngestDocumentInput!]!) { ingestDocuments(documents: $documents) {
  run { job documents { added changed unchanged } claimsAdded failures { reason url } }
  documents { source status claimsAdded failures { reason } } } }`;
const RUNS = '{ ingestRuns(first: 10) { id job documents { added unchanged } } deadLetters(first: 10) { job url reason message } }';
const editor = { authorization: 'Bearer ed' };
// the run log holds fetched URLs and errors: reading it needs a key (a reader's is enough)
const reader = { authorization: 'Bearer rd' };

describe('GraphQL ingest', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'ed:editor,rd:reader', SEED_ON_START: 'false' }));
  });
  afterAll(async () => {
    await server.stop();
  });

  it('ingests handed-over content once, with an outcome per document, and lists the runs (never a stale cached list)', async () => {
    const before = await gql<{ ingestRuns: unknown[] }>(server.url, RUNS, {}, reader);
    expect(before.body.data!.ingestRuns).toEqual([]);
    const docs = [
      { source: 'notes/acquisition.txt', content: 'Scale AI acquired ICG Solutions. Microsoft invested $10 billion in OpenAI.' },
      {
        source: 'notes/latin1.html',
        contentBase64: Buffer.from('<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>Mistral AI, based in Paris.</p></body></html>', 'latin1').toString('base64'),
        kind: 'news',
      },
    ];
    const first = await gql<{ ingestDocuments: { run: { job: string; documents: { added: number } }; documents: { source: string; status: string }[] } }>(
      server.url,
      INGEST,
      { documents: docs },
      editor,
    );
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.ingestDocuments.run).toMatchObject({ job: 'manual', documents: { added: 2 } });
    expect(first.body.data!.ingestDocuments.documents.map((d) => [d.source, d.status])).toEqual([
      ['notes/acquisition.txt', 'added'],
      ['notes/latin1.html', 'added'],
    ]);
    const again = await gql<{ ingestDocuments: { documents: { status: string }[] } }>(server.url, INGEST, { documents: docs.slice(0, 1) }, editor);
    expect(again.body.data!.ingestDocuments.documents[0]!.status).toBe('unchanged');
    const after = await gql<{ ingestRuns: { job: string; documents: { added: number; unchanged: number } }[] }>(server.url, RUNS, {}, reader);
    expect(after.body.data!.ingestRuns.map((r) => r.documents)).toEqual([
      { added: 0, unchanged: 1 },
      { added: 2, unchanged: 0 },
    ]);
  });

  it('fetches URLs under the server SSRF guard: a loopback URL is a named failure and a dead letter', async () => {
    const r = await gql<{ ingestDocuments: { documents: { status: string; failures: { reason: string }[] }[] } }>(
      server.url,
      INGEST,
      { documents: [{ source: 'http://127.0.0.1:9/private' }] },
      editor,
    );
    expect(r.body.data!.ingestDocuments.documents[0]).toMatchObject({ status: 'failed', failures: [{ reason: 'ssrf_blocked' }] });
    const letters = await gql<{ deadLetters: { url: string; reason: string }[] }>(server.url, RUNS, {}, reader);
    expect(letters.body.data!.deadLetters[0]).toMatchObject({ url: 'http://127.0.0.1:9/private', reason: 'ssrf_blocked' });
  });

  it('needs an editor key', async () => {
    const docs = { documents: [{ source: 'a.txt', content: 'x' }] };
    expect(codeOf(await gql(server.url, INGEST, docs))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server.url, INGEST, docs, { authorization: 'Bearer rd' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(server.url, 'mutation { runIngestJobs { job } }', {}, { authorization: 'Bearer rd' }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(server.url, RUNS))).toBe('UNAUTHENTICATED');
  });

  it('validates the input and caps each document at 5 MB, naming the field', async () => {
    const bad = async (documents: unknown[]) => {
      const r = await gql(server.url, INGEST, { documents }, editor);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      return r.body.errors![0]!.message;
    };
    expect(await bad([{ source: 'big.txt', content: 'a'.repeat(5 * 1024 * 1024 + 1) }])).toMatch(/documents\.0\.content: big\.txt is 5242881 bytes; the limit is 5242880/);
    expect(await bad([{ source: 'a.txt', content: 'x', kind: 'tweet' }])).toMatch(/documents\.0\.kind/);
    expect(await bad([{ source: 'local/file.txt' }])).toMatch(/documents\.0\.source: without content the source must be an http\(s\) URL/);
    expect(await bad([{ source: 'a.txt', content: 'x', contentBase64: 'eA==' }])).toMatch(/not both/);
    expect(await bad(Array.from({ length: 21 }, (_, i) => ({ source: `${i}.txt`, content: 'x' })))).toMatch(/at most 20 documents/);
    expect(await bad([])).toMatch(/at least one document/);
  });

  it('runIngestJobs names an unknown job and the sources file', async () => {
    const r = await gql(server.url, 'mutation { runIngestJobs(jobs: ["no-such-job"]) { job } }', {}, editor);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.message).toMatch(/no job named no-such-job in .*sources\.yaml/);
  });
});
