// The history contract: when each claim was added, retracted or superseded, and which relations
// moved, kept by the store across retraction, supersession and re-ingest. One suite for every
// adapter (embedded always, Neo4j when NEO4J_URI is set), so both give the same rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimId, documentId, relationId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import { InvalidInput } from '../../schema/errors.js';
import type { GraphStore } from '../../graph/store.js';
import type { HistoryEvent, HistoryQuery } from '../../graph/history.js';

const docA = documentId('history-a.txt');
const docB = documentId('history-b.txt');

function claim(subject: string, rel: ClaimRecord['rel'], object: string, extra: Partial<ClaimRecord> = {}): ClaimRecord {
  const base = {
    subject,
    rel,
    object,
    props: extra.props ?? {},
    documentId: extra.documentId ?? docA,
    quote: extra.quote ?? `${subject} ${rel} ${object}`,
    extractor: 'test',
    validFrom: extra.validFrom,
    validTo: extra.validTo,
  };
  return { ...base, id: claimId(base), confidence: extra.confidence ?? 0.9, observedAt: '2026-04-24' };
}

const entities: EntityRecord[] = [
  { id: 'chip:nvidia-h20', label: 'Chip', name: 'NVIDIA H20', aliases: [], props: { kind: 'gpu' } },
  { id: 'org:nvidia', label: 'Organization', name: 'NVIDIA', aliases: [], props: { kind: 'chip_designer' } },
  { id: 'org:tsmc', label: 'Organization', name: 'TSMC', aliases: [], props: { kind: 'foundry' } },
  { id: 'nation:us', label: 'Nation', name: 'United States', aliases: [], props: { kind: 'country', iso: 'US' } },
];
const designed = claim('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia');
const fabbed = claim('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc');
const hq = claim('org:nvidia', 'HEADQUARTERED_IN', 'nation:us');
const fabbedB = claim('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc', { documentId: docB, quote: 'TSMC makes the H20', confidence: 0.7 });

const row = (e: HistoryEvent) => [e.version, e.entry, e.kind, e.key];

/** Every event the store holds, read page by page. */
async function allEvents(store: GraphStore, query: HistoryQuery = {}, first = 2): Promise<HistoryEvent[]> {
  const out: HistoryEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.history({ ...query, first, after });
    out.push(...page.items);
    if (!page.hasNextPage) return out;
    after = page.endCursor;
  }
}

/** Runs the history contract against a fresh store from `open` (cleared before each test). */
export function runHistoryContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`claim history: ${name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store.clear();
    });

    const documents = [
      { id: docA, url: 'history-a.txt', kind: 'news' as const },
      { id: docB, url: 'history-b.txt', kind: 'news' as const },
    ];

    it('records each claim added, and each relation created, at the version and time of the write', async () => {
      const before = new Date().toISOString();
      const { version } = await store.write({ entities, documents, claims: [designed, fabbed, hq] });
      const events = await allEvents(store);
      const rel = (c: ClaimRecord) => relationId(c.subject, c.rel, c.object);
      expect(events.map(row)).toEqual(
        [
          [version, 'claim', 'added', designed.id],
          [version, 'claim', 'added', fabbed.id],
          [version, 'claim', 'added', hq.id],
          [version, 'relation', 'created', rel(designed)],
          [version, 'relation', 'created', rel(fabbed)],
          [version, 'relation', 'created', rel(hq)],
        ].sort((a, b) => (String(a[3]) < String(b[3]) ? -1 : 1)),
      );
      for (const e of events) {
        expect(e.at >= before && e.at <= new Date().toISOString()).toBe(true);
        expect(e.documents).toEqual([docA]);
      }
      const created = events.find((e) => e.key === rel(fabbed))!;
      expect(created).toMatchObject({ rel: 'FABRICATED_BY', subject: 'chip:nvidia-h20', object: 'org:tsmc', claims: [fabbed.id], after: { confidence: 0.9, claimCount: 1 } });
      expect(created.before).toBeUndefined();
      const claims = (await store.claimsOfDocuments([docA])).get(docA)!;
      expect(claims.map((c) => [c.id, c.addedVersion, c.retracted])).toEqual([designed, fabbed, hq].map((c) => [c.id, version, false]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    });

    it('keeps a retracted claim, marked with the version, while current reads lose it as before', async () => {
      const v1 = (await store.write({ entities, documents, claims: [designed, fabbed, hq] })).version;
      const v2 = (await store.write({ retractClaims: [fabbed.id] })).version;
      // current reads: the relation is gone, the claim is not counted
      expect((await store.relationsOf(['chip:nvidia-h20'])).get('chip:nvidia-h20')!.map((r) => r.type)).toEqual(['DESIGNED_BY']);
      expect((await store.counts()).claims).toBe(2);
      expect((await store.claimsFor([relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc')])).get(relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc'))).toEqual([]);
      expect((await store.allClaims()).map((c) => c.id)).not.toContain(fabbed.id);
      // the record stays, with its history
      const kept = (await store.claimsOfDocuments([docA])).get(docA)!.find((c) => c.id === fabbed.id)!;
      expect(kept).toMatchObject({ retracted: true, addedVersion: v1, retractedVersion: v2, retractedAs: 'retracted' });
      const events = await allEvents(store, { sinceVersion: v1 });
      expect(events.map(row)).toEqual([
        [v2, 'claim', 'retracted', fabbed.id],
        [v2, 'relation', 'removed', relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc')],
      ]);
      expect(events[1]!.after).toBeUndefined();
      expect(events[1]!.before).toMatchObject({ claimCount: 1 });
    });

    it('keeps the whole history across supersession and re-ingest; unchanged facts of a re-read document record nothing', async () => {
      const key = relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc');
      const v1 = (await store.write({ entities, documents, claims: [designed, fabbed, hq] })).version;
      // the document changed: its claims are superseded, two come back unchanged, one is gone
      const v2 = (await store.write({ retractDocumentClaims: [docA], claims: [designed, hq] })).version;
      // a second document states the fact again, then the first document is re-read with it
      const v3 = (await store.write({ claims: [fabbedB] })).version;
      const v4 = (await store.write({ retractDocumentClaims: [docA], claims: [designed, hq, fabbed] })).version;
      expect([v1 < v2, v2 < v3, v3 < v4]).toEqual([true, true, true]);

      const history = (await store.relationHistory([key])).get(key)!;
      expect(history.map(row)).toEqual([
        [v4, 'claim', 'added', fabbed.id],
        [v4, 'relation', 'changed', key],
        [v3, 'claim', 'added', fabbedB.id],
        [v3, 'relation', 'created', key],
        [v2, 'claim', 'superseded', fabbed.id],
        [v2, 'relation', 'removed', key],
        [v1, 'claim', 'added', fabbed.id],
        [v1, 'relation', 'created', key],
      ]);
      // at v4 the stronger claim came back: the aggregate's confidence moved from 0.7 to 0.9
      expect(history[1]).toMatchObject({ before: { confidence: 0.7, claimCount: 1 }, after: { confidence: 0.9, claimCount: 2 }, documents: [docA], claims: [fabbed.id] });
      // the unchanged claims of the re-read document have only their first event
      const designedKey = relationId('chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia');
      expect((await store.relationHistory([designedKey])).get(designedKey)!.map(row)).toEqual([
        [v1, 'claim', 'added', designed.id],
        [v1, 'relation', 'created', designedKey],
      ]);
      const state = (await store.claimsOfDocuments([docA])).get(docA)!.find((c) => c.id === fabbed.id)!;
      expect(state).toMatchObject({ retracted: false, addedVersion: v4 });
      expect(state.retractedVersion).toBeUndefined();
    });

    it('answers a window of versions or times, filtered by relation type, entity, document and kind, newest first, in pages', async () => {
      const v1 = (await store.write({ entities, documents, claims: [designed, hq] })).version;
      // a moment strictly between the two writes (their times are in milliseconds)
      const pause = () => new Promise((r) => setTimeout(r, 5));
      await pause();
      const middle = new Date().toISOString();
      await pause();
      const v2 = (await store.write({ claims: [fabbed, fabbedB] })).version;
      const v3 = (await store.write({ retractClaims: [hq.id] })).version;
      const everything = await allEvents(store, {}, 100);
      expect(everything.map((e) => e.version)).toEqual([...everything.map((e) => e.version)].sort((a, b) => b - a));
      // pages of 2 give the same rows, each once
      expect((await allEvents(store, {}, 2)).map(row)).toEqual(everything.map(row));
      expect((await allEvents(store, { sinceVersion: v1, untilVersion: v2 })).every((e) => e.version === v2)).toBe(true);
      expect((await allEvents(store, { since: middle })).map((e) => e.version).every((v) => v >= v2)).toBe(true);
      expect((await allEvents(store, { until: middle })).map((e) => e.version).every((v) => v === v1)).toBe(true);
      expect((await allEvents(store, { types: ['HEADQUARTERED_IN'] })).map(row)).toEqual([
        [v3, 'claim', 'retracted', hq.id],
        [v3, 'relation', 'removed', relationId('org:nvidia', 'HEADQUARTERED_IN', 'nation:us')],
        [v1, 'claim', 'added', hq.id],
        [v1, 'relation', 'created', relationId('org:nvidia', 'HEADQUARTERED_IN', 'nation:us')],
      ]);
      expect((await allEvents(store, { entity: 'nation:us', kinds: ['retracted'] })).map(row)).toEqual([[v3, 'claim', 'retracted', hq.id]]);
      // a relation moved by claims of two documents is listed under each
      expect((await allEvents(store, { document: docB })).map(row)).toEqual([
        [v2, 'claim', 'added', fabbedB.id],
        [v2, 'relation', 'created', relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc')],
      ]);
      expect((await allEvents(store, { relation: relationId('chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc') })).map((e) => e.kind)).toEqual(['added', 'added', 'created']);
      await expect(store.history({ after: 'not-a-cursor' })).rejects.toThrow(InvalidInput);
    });

    it('pages backwards too: last from the oldest end, before a cursor, and both cursors together', async () => {
      await store.write({ entities, documents, claims: [designed, hq] });
      await store.write({ claims: [fabbed, fabbedB] });
      await store.write({ retractClaims: [hq.id] });
      const everything = await allEvents(store, {}, 100);
      expect(everything.length).toBeGreaterThan(6);
      // read backwards from the oldest end, 3 at a time, following startCursor
      const back: HistoryEvent[] = [];
      let before: string | null = null;
      for (;;) {
        const page = await store.history({ last: 3, before });
        expect(page.items.length).toBeLessThanOrEqual(3);
        back.unshift(...page.items);
        expect(page.hasNextPage).toBe(before !== null);
        if (!page.hasPreviousPage) break;
        before = page.startCursor;
      }
      expect(back.map(row)).toEqual(everything.map(row));
      // the oldest two, newest first
      const oldest = await store.history({ last: 2 });
      expect(oldest.items.map(row)).toEqual(everything.slice(-2).map(row));
      expect([oldest.hasPreviousPage, oldest.hasNextPage]).toEqual([true, false]);
      // between two cursors: the items strictly between them, from either end
      const after = (await store.history({ first: 1 })).endCursor;
      const upTo = (await store.history({ last: 1 })).startCursor;
      expect((await store.history({ after, before: upTo, first: 100 })).items.map(row)).toEqual(everything.slice(1, -1).map(row));
      expect((await store.history({ after, before: upTo, last: 2 })).items.map(row)).toEqual(everything.slice(-3, -1).map(row));
      // first and last together: the last of the first
      expect((await store.history({ first: 4, last: 2 })).items.map(row)).toEqual(everything.slice(2, 4).map(row));
      await expect(store.history({ before: 'not-a-cursor', last: 2 })).rejects.toThrow(/^before: /);
    });

    it('empties the history with the graph (seed --reset)', async () => {
      await store.write({ entities, documents, claims: [designed] });
      await store.clear();
      expect((await store.history({})).items).toEqual([]);
    });
  });
}
