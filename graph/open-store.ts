// Opens the store the configuration selects: embedded (default) or Neo4j.
import type { GraphStore } from './store.js';
import { openEmbeddedStore } from './embedded/grafeo-executor.js';

export interface StoreConfig {
  store: 'embedded' | 'neo4j';
  dataDir: string;
  neo4j?: { uri: string; user: string; password: string; database?: string; maxConnectionPoolSize?: number };
  /** graph versions the change log keeps (default CHANGE_LOG_VERSIONS) */
  changeLogVersions?: number;
}

/** Opens and migrates the configured store. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/neo4j-executor.js');
    return openNeo4jStore({ ...config.neo4j!, changeLogVersions: config.changeLogVersions });
  }
  return openEmbeddedStore({ dataDir: config.dataDir, changeLogVersions: config.changeLogVersions });
}
