// The embedded adapter: Grafeo, a graph database in one file under DATA_DIR that speaks the same
// Cypher as Neo4j. One process owns the file. Grafeo runs in a thread of its own (grafeo-thread.ts),
// so turning its results into JS objects does not hold the serving thread's event loop.
import { CypherGraphStore, changeLogRetention } from '../cypher/cypher-store.js';
import type { GrafeoOpenOptions } from './grafeo-local.js';
import { GrafeoThreadExecutor } from './grafeo-thread.js';

export interface EmbeddedOptions extends GrafeoOpenOptions {
  /** how many graph versions the change log keeps (default CHANGE_LOG_VERSIONS) */
  changeLogVersions?: number;
}

/** Opens (creating if needed) the embedded store in dataDir and runs its migrations. */
export async function openEmbeddedStore(opts: EmbeddedOptions): Promise<CypherGraphStore> {
  // a bad setting fails before the file is opened
  const storeOptions = { changeLogVersions: opts.changeLogVersions };
  changeLogRetention(storeOptions);
  const store = new CypherGraphStore(await GrafeoThreadExecutor.open(opts), storeOptions);
  try {
    await store.migrate();
  } catch (err) {
    // the file is let go (its thread ended) for whoever fixes the cause and opens it again
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
