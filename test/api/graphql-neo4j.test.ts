// The API suite on Neo4j when NEO4J_URI names a server; skipped (with a message) otherwise. The
// suite clears the graph first, so point it at a throwaway database.
import { openNeo4jStore } from '../../graph/neo4j/neo4j-executor.js';
import { apiSuite } from './suite.js';

const uri = process.env.NEO4J_URI;
if (!uri) console.warn('GraphQL API suite on Neo4j skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE to run it)');

apiSuite(`neo4j ${uri ?? '(not set)'}`, async () =>
  uri
    ? openNeo4jStore({
        uri,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
        // fail a test instead of retrying for the default 30 s
        maxTransactionRetryTimeMs: 5_000,
      })
    : null,
);
