import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('embedded (in memory, shuffled rows)', () => openEmbeddedStore({ dataDir: ':memory:', shuffleUnordered: true }));

describe('embedded store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across close and reopen', async () => {
    const a = await openEmbeddedStore({ dataDir: dir });
    await a.write({ entities: [{ id: 'nation:fr', label: 'Nation', name: 'France', aliases: [], props: { kind: 'country', iso: 'FR' } }] });
    const version = await a.graphVersion();
    await a.close();
    const b = await openEmbeddedStore({ dataDir: dir });
    expect((await b.getEntities(['nation:fr'])).get('nation:fr')?.name).toBe('France');
    expect(await b.graphVersion()).toBe(version);
    expect((await b.search('france'))[0]?.entity.id).toBe('nation:fr');
    await b.close();
  });
});
