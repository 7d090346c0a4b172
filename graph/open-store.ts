// Opens the store the configuration selects: embedded (default) or Neo4j.
import type { GraphStore } from './store.js';
import { openEmbeddedStore } from './embedded/grafeo-executor.js';

export interface StoreConfig {
  store: 'embedded' | 'neo4j';
  dataDir: string;
  neo4j?: { uri: string; user: string; password: string; database?: string; maxConnectionPoolSize?: number };
}

/** Opens and migrates the configured store. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/neo4j-executor.js');
    return openNeo4jStore({ ...config.neo4j! });
  }
  return openEmbeddedStore({ dataDir: config.dataDir });
}
