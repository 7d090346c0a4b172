// Claim history on the embedded store, and the migration that gives claims stored before history
// was kept their first known version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { claimId, documentId, relationId, type ClaimRecord } from '../../schema/records.js';
import { runHistoryContract } from './history-contract.js';

runHistoryContract('embedded (in memory, shuffled rows)', () => openEmbeddedStore({ dataDir: ':memory:', shuffleUnordered: true }));

describe('claim history in a data directory written before history was kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-history-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const doc = documentId('old.txt');
  const make = (object: string): ClaimRecord => {
    const base = { subject: 'chip:h', rel: 'FABRICATED_BY' as const, object, props: {}, documentId: doc, quote: `h by ${object}`, extractor: 'test' };
    return { ...base, id: claimId(base), confidence: 0.8, observedAt: '2026-01-01' };
  };
  const [a, b, c] = [make('org:a'), make('org:b'), make('org:c')];

  it('counts stored claims as added at their first known version, retracted ones as retracted, and writes new history as before', async () => {
    const store = await openEmbeddedStore({ dataDir: dir, changeLogVersions: 2 });
    await store.write({
      entities: [
        { id: 'chip:h', label: 'Chip', name: 'H', aliases: [], props: {} },
        ...['a', 'b', 'c'].map((x) => ({ id: `org:${x}`, label: 'Organization' as const, name: x.toUpperCase(), aliases: [], props: {} })),
      ],
      documents: [{ id: doc, url: 'old.txt', kind: 'news' }],
      claims: [a],
    });
    const v2 = (await store.write({ claims: [b] })).version;
    const v3 = (await store.write({ claims: [c] })).version;
    const v4 = (await store.write({ retractClaims: [c.id] })).version;
    await store.close();

    // what an older version of the store left behind: no history on the claims, no events, an older schema
    const db = grafeo.GrafeoDB.create(join(dir, 'chokepoint.grafeo'));
    await db.executeCypher(`MATCH (x:Claim) REMOVE x.addedVersion, x.addedAt, x.retractedVersion, x.retractedAt, x.retractedAs`);
    await db.executeCypher(`MATCH (e:ChangeEvent) DELETE e`);
    await db.executeCypher(`MATCH (m:Meta {id: 'schema'}) SET m.fingerprint = 'older'`);
    db.close();

    const reopened = await openEmbeddedStore({ dataDir: dir, changeLogVersions: 2 });
    try {
      // the change log kept versions 3 and 4 only: a and b count as added at version 3, the oldest known
      const claims = new Map((await reopened.claimsOfDocuments([doc])).get(doc)!.map((x) => [x.id, x]));
      expect(claims.get(a.id)).toMatchObject({ addedVersion: v3, retracted: false });
      expect(claims.get(b.id)).toMatchObject({ addedVersion: v3, retracted: false });
      expect(claims.get(c.id)).toMatchObject({ addedVersion: v3, retracted: true, retractedVersion: v4, retractedAs: 'retracted' });
      const events = (await reopened.history({ first: 100 })).items;
      expect(events.map((e) => [e.version, e.kind, e.key, e.backfilled])).toEqual([[v4, 'retracted', c.id, true], ...[a.id, b.id, c.id].sort().map((id) => [v3, 'added', id, true])]);
      expect(v2).toBeLessThan(v3);
      // a second start finds nothing to do; new writes record history as usual
      const v5 = (await reopened.write({ retractClaims: [a.id] })).version;
      expect((await reopened.history({ sinceVersion: v4 })).items.map((e) => [e.version, e.kind, e.key])).toEqual([
        [v5, 'retracted', a.id],
        [v5, 'removed', relationId('chip:h', 'FABRICATED_BY', 'org:a')],
      ]);
    } finally {
      await reopened.close();
    }
  });
});
