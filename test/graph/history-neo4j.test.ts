// The claim history contract against a real Neo4j 5 server, when NEO4J_URI names one (a throwaway
// database: the suite empties it).
import { describe, it } from 'vitest';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-executor.js';
import { runHistoryContract } from './history-contract.js';

const uri = process.env.NEO4J_URI;

if (!uri) console.warn('Neo4j claim history contract skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE to run it)');

describe.skipIf(!uri)('claim history on Neo4j (NEO4J_URI set)', () => {
  runHistoryContract(`neo4j ${uri ?? ''}`, () =>
    openNeo4jStore({
      uri: uri!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
      maxTransactionRetryTimeMs: 5_000,
    }),
  );
});

describe.runIf(!uri)('claim history on Neo4j (NEO4J_URI not set)', () => {
  it.skip('skipped: NEO4J_URI is not set, so the history contract did not run against Neo4j', () => undefined);
});
