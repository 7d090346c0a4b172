// The GraphStore contract against a real Neo4j 5 server, when NEO4J_URI names one. The suite
// clears the graph before each test, so point it at a throwaway database.
import { describe, it } from 'vitest';
import { openNeo4jStore } from '../../graph/neo4j/neo4j-executor.js';
import { runStoreContract } from './store-contract.js';

const uri = process.env.NEO4J_URI;

if (!uri) console.warn('Neo4j GraphStore contract skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and optionally NEO4J_DATABASE to run it)');

describe.skipIf(!uri)('Neo4j store (NEO4J_URI set)', () => {
  runStoreContract(`neo4j ${uri ?? ''}`, () =>
    openNeo4jStore({
      uri: uri!,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
      // fail a test instead of retrying for the default 30 s
      maxTransactionRetryTimeMs: 5_000,
    }),
  );
});

describe.runIf(!uri)('Neo4j store (NEO4J_URI not set)', () => {
  it.skip('skipped: NEO4J_URI is not set, so the contract suite did not run against Neo4j', () => undefined);
});
