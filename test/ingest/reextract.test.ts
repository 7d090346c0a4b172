// Re-extraction over stored documents: claims of older extractor versions are superseded, curated,
// imported and API claims stay, a second run changes nothing, and --dry-run writes nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { EXTRACTOR_VERSION, extractorVersionOf, versionOfExtractor } from '../../ingest/extract/version.js';
import { IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { reextract } from '../../ingest/pipeline/reextract.js';
import { claimId, documentId, type ClaimRecord } from '../../schema/records.js';
import { runCli } from '../cli/run-cli.js';

const BRIEFING = ['ASML invested €1.3 billion in Mistral AI.', 'Mistral AI, a Paris-based startup, released a new model in December.'].join('\n');
const DOC = documentId('briefing.txt');
const OLD = '0ld0ld0ld0ld';

let store: GraphStore;

beforeEach(async () => {
  store = await openEmbeddedStore({ dataDir: ':memory:' });
  const report = await new IngestPipeline({ store }).run('manual', [{ location: 'briefing.txt', content: new TextEncoder().encode(BRIEFING) }]);
  expect(report.documents.added).toBe(1);
});
afterEach(async () => {
  await store.close();
});

const live = async () => (await store.allClaims()).filter((c) => c.documentId === DOC);
const withExtractor = (c: ClaimRecord, extractor: string): ClaimRecord => {
  const { id: _id, observedAt, confidence, ...rest } = c;
  const base = { ...rest, extractor };
  return { ...base, id: claimId(base), observedAt, confidence };
};

/** Turns the stored document into one an older extractor read: its claims carry version OLD, one of them a fact the current extractor does not state. */
async function ageDocument(): Promise<{ current: ClaimRecord[]; stale: ClaimRecord; kept: ClaimRecord[] }> {
  const current = await live();
  expect(current.length).toBeGreaterThan(0);
  const old = current.map((c) => withExtractor(c, c.extractor.replace(/@.*$/, `@${OLD}`)));
  const invests = current.find((c) => c.rel === 'INVESTS_IN')!;
  const based = current.find((c) => c.rel === 'HEADQUARTERED_IN')!;
  expect(invests && based).toBeTruthy();
  const stale = withExtractor({ ...invests, rel: 'PARTNERS_WITH', props: {} }, `ingest/partnership@${OLD}`);
  // claims the extractor never wrote, citing the same document: curated, imported, from the API
  const kept = ['seed', 'import', 'api:editor'].map((extractor, i) => withExtractor({ ...based, quote: `${based.quote} (${i})` }, extractor));
  const inputs = [...(await store.getDocumentInputs([DOC])).values()].map((i) => ({ ...i, extractedWith: OLD }));
  await store.write({ retractClaims: current.map((c) => c.id), claims: [...old, stale, ...kept], inputs });
  return { current, stale, kept };
}

describe('reextract', () => {
  it('the extractor version is a hash of its files, and every extracted claim carries it', async () => {
    expect(EXTRACTOR_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(extractorVersionOf()).toBe(EXTRACTOR_VERSION);
    for (const c of await live()) expect(versionOfExtractor(c.extractor)).toBe(EXTRACTOR_VERSION);
    expect(versionOfExtractor('seed')).toBeUndefined();
    expect(versionOfExtractor('api:editor')).toBeUndefined();
    const [input] = (await store.getDocumentInputs([DOC])).values();
    expect(input).toMatchObject({ documentId: DOC, url: 'briefing.txt', readAs: 'auto', body: BRIEFING, encoding: 'utf8', extractedWith: EXTRACTOR_VERSION });
  });

  it("the rules' version ignores the model-backed extractor's folder (its claims carry their own id)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-version-'));
    writeFileSync(join(dir, 'rule.ts'), 'export const a = 1;\n');
    mkdirSync(join(dir, 'llm'));
    writeFileSync(join(dir, 'llm', 'prompt.ts'), 'export const p = 1;\n');
    const before = extractorVersionOf(dir, ['llm']);
    writeFileSync(join(dir, 'llm', 'prompt.ts'), 'export const p = 2;\n');
    expect(extractorVersionOf(dir, ['llm'])).toBe(before);
    writeFileSync(join(dir, 'rule.ts'), 'export const a = 2;\n');
    expect(extractorVersionOf(dir, ['llm'])).not.toBe(before);
  });

  it('a document read by the current version is left alone', async () => {
    const version = await store.graphVersion();
    const report = await reextract({ store });
    expect(report).toMatchObject({ matched: 1, current: 1, documents: [], withoutInput: [] });
    expect(await store.graphVersion()).toBe(version);
  });

  it('supersedes the claims of older versions and keeps curated, imported and API claims', async () => {
    const { current, stale, kept } = await ageDocument();
    const report = await reextract({ store });
    expect(report.documents).toHaveLength(1);
    const [doc] = report.documents;
    expect(doc).toMatchObject({ documentId: DOC, status: 'reextracted', fromVersions: [OLD], claimsAdded: current.length, claimsRetracted: current.length + 1, factsAdded: [] });
    expect(doc!.factsRemoved).toEqual([{ rel: 'PARTNERS_WITH', subject: stale.subject, object: stale.object }]);
    const after = await live();
    expect(after.map((c) => c.id).sort()).toEqual([...current, ...kept].map((c) => c.id).sort());
    expect(after.some((c) => c.id === stale.id)).toBe(false);
    // the relation only the stale claim held is gone from the graph
    const rels = [...(await store.relationsOf([stale.subject, kept[0]!.subject])).values()].flat();
    expect(rels.some((r) => r.type === 'PARTNERS_WITH')).toBe(false);
    // the curated, imported and API claims still hold their relation, beside the extractor's current claim
    expect(rels.find((r) => r.type === 'HEADQUARTERED_IN' && r.from === kept[0]!.subject)?.claimCount).toBe(4);
    expect((await store.getDocumentInputs([DOC])).get(DOC)?.extractedWith).toBe(EXTRACTOR_VERSION);
  });

  it('is idempotent: a second run changes nothing', async () => {
    await ageDocument();
    await reextract({ store });
    const claims = (await store.allClaims()).map((c) => c.id).sort();
    const version = await store.graphVersion();
    const second = await reextract({ store });
    expect(second).toMatchObject({ matched: 1, current: 1, documents: [], totals: { claimsAdded: 0, claimsRetracted: 0 } });
    expect((await store.allClaims()).map((c) => c.id).sort()).toEqual(claims);
    expect(await store.graphVersion()).toBe(version);
  });

  it('--dry-run reports the same changes and writes nothing', async () => {
    const { current } = await ageDocument();
    const claims = (await store.allClaims()).map((c) => c.id).sort();
    const version = await store.graphVersion();
    const dry = await reextract({ store, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.documents[0]).toMatchObject({ claimsAdded: current.length, claimsRetracted: current.length + 1 });
    expect((await store.allClaims()).map((c) => c.id).sort()).toEqual(claims);
    expect(await store.graphVersion()).toBe(version);
    expect((await store.getDocumentInputs([DOC])).get(DOC)?.extractedWith).toBe(OLD);
    const real = await reextract({ store });
    expect(real.documents[0]).toMatchObject({ claimsAdded: dry.documents[0]!.claimsAdded, claimsRetracted: dry.documents[0]!.claimsRetracted, factsRemoved: dry.documents[0]!.factsRemoved });
  });

  it('--source picks documents by id, URL, URL prefix or job', async () => {
    await ageDocument();
    expect((await reextract({ store, sources: ['elsewhere.txt'], dryRun: true })).matched).toBe(0);
    for (const s of [DOC, 'briefing.txt', 'brief', 'manual']) expect((await reextract({ store, sources: [s], dryRun: true })).matched).toBe(1);
  });

  it('a document stored before inputs were kept is named, and gets its input when ingested again', async () => {
    const url = 'https://example.org/older.txt';
    const text = 'ASML invested €2 billion in Mistral AI, a French startup.';
    const id = documentId(url);
    const { contentHash } = await import('../../schema/records.js');
    const old = { subject: 'org:asml', rel: 'INVESTS_IN' as const, object: 'lab:mistral-ai', props: {}, documentId: id, quote: text, extractor: `ingest/invests-in@${OLD}` };
    const seeded = { ...old, documentId: documentId('https://example.org/seeded'), extractor: 'seed' };
    await store.write({
      documents: [
        { id, url, kind: 'news', contentHash: contentHash(text) },
        { id: seeded.documentId, url: 'https://example.org/seeded', kind: 'record' },
      ],
      claims: [old, seeded].map((c) => ({ ...c, id: claimId(c), confidence: 0.9, observedAt: '2026-01-01' })),
    });
    // only a document holding extraction claims of another version is named; a curated source is not
    expect((await reextract({ store, dryRun: true })).withoutInput).toEqual([url]);
    const report = await new IngestPipeline({ store }).run('manual', [{ location: url, content: new TextEncoder().encode(text) }]);
    expect(report.documents.unchanged).toBe(1);
    const input = (await store.getDocumentInputs([id])).get(id);
    expect(input).toMatchObject({ url, body: text });
    expect(input?.extractedWith).toBeUndefined();
    const again = await reextract({ store });
    expect(again.withoutInput).toEqual([]);
    expect(again.documents.map((d) => d.documentId)).toEqual([id]);
    expect(again.documents[0]!.factsAdded.length).toBeGreaterThan(0);
  });

  it('keeps bytes that are not UTF-8 exactly', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="iso-8859-1"><title>Caf'),
      0xe9,
      ...new TextEncoder().encode('</title></head><body><p>ASML invested in Mistral AI.</p></body></html>'),
    ]);
    await new IngestPipeline({ store }).run('manual', [{ location: 'https://example.org/cafe.html', content: latin1 }]);
    const id = (await store.listDocumentInputs()).find((i) => i.url === 'https://example.org/cafe.html')!.documentId;
    const input = (await store.getDocumentInputs([id])).get(id)!;
    expect(input.encoding).toBe('base64');
    expect(new Uint8Array(Buffer.from(input.body, 'base64'))).toEqual(latin1);
  });

  it('the command reports per run, and names a --source that matches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reextract-cli-'));
    const file = join(dir, 'briefing.txt');
    writeFileSync(file, BRIEFING);
    const env = { DATA_DIR: join(dir, 'data') };
    expect((await runCli(['ingest', 'file', file], env)).code).toBe(0);
    const dry = await runCli(['reextract', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/extractor [0-9a-f]{12}; 1 stored documents, 1 already current, 0 read again/);
    expect(dry.stderr).toContain('dry run: nothing written');
    const json = JSON.parse((await runCli(['reextract', '--json', '--source', file], env)).stdout) as { matched: number; documents: unknown[] };
    expect(json).toMatchObject({ matched: 1, documents: [] });
    const none = await runCli(['reextract', '--source', 'https://nowhere.example/'], env);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('chokepoint reextract: --source: no stored document matches "https://nowhere.example/"');
  }, 120_000);
});
