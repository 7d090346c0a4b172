// The API suite on Neo4j when NEO4J_URI is set; skipped (with a message) otherwise.
import { openStore } from '../../graph/open-store.js';
import { loadConfig } from '../../api/config.js';
import { apiSuite } from './suite.js';

const uri = process.env.NEO4J_URI;
if (!uri) console.warn('GraphQL API suite on Neo4j skipped: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run it');
apiSuite('neo4j', async () => {
  if (!uri) return null;
  const config = loadConfig({ ...process.env, STORE: 'neo4j' });
  return openStore(config);
});
