// Every Cypher text the stores can send, checked with Neo4j's own parser and semantic analysis
// (offline). The schema's labels, relation types, property keys and the parameters the store
// passes are declared, so a typo in any of them fails here, as does a syntax error or an
// unknown function.
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { allQueryTexts, STORED_PROPERTY_KEYS } from '../../graph/cypher/catalogue.js';
import { NEO4J_QUERY_TEXTS } from '../../graph/neo4j/neo4j-executor.js';
import { DOMAIN } from '../../schema/generated/domain.js';
import { LABELS, RELATION_TYPES } from '../../schema/generated/model.js';

/** labels the store uses besides the domain's */
const STORE_LABELS = ['Entity', 'Claim', 'Meta', 'Lease', 'LogEntry', 'DocumentInput', 'RelationLock', 'GraphChange', 'ChangeEvent'];

/** every parameter the store passes, with a value of the type it sends */
const PARAMETERS: Record<string, unknown> = {
  rows: [{ id: 'x', from: 'x', to: 'y', props: {}, kind: 'k', at: 't', json: '{}', addedVersion: 1, addedAt: 't', retractedVersion: 1, retractedAt: 't', retractedAs: 'retracted' }],
  ids: ['x'],
  docs: ['x'],
  keys: ['x'],
  id: 'x',
  label: 'Chip',
  after: '',
  limit: 10,
  job: 'job',
  owner: 'owner',
  ttlMs: 60_000,
  token: 1,
  writer: 'writer',
  fingerprint: 'abc',
  types: ['RUNS_ON'],
  dir: 'both',
  afterDir: '',
  queries: [{ i: 0, q: 'h20', labels: ['Chip'] }],
  kind: 'k',
  q: 'h20',
  timeoutSeconds: 300,
  // the change log
  version: 1,
  at: 't',
  entities: ['x'],
  relations: ['x'],
  claimsAdded: ['x'],
  claimsRetracted: ['x'],
  claimsSuperseded: ['x'],
  overflow: false,
  oldest: 0,
  since: 0,
  until: 1,
  // the history
  sinceVersion: 0,
  untilVersion: 1,
  kinds: ['added'],
  entity: '',
  document: '',
  relation: '',
  beforeVersion: 1,
  afterId: '',
  stopVersion: -1,
  stopId: '',
  // findWhere names its filters w0, w1, … up to the widest label
  ...Object.fromEntries(Array.from({ length: Math.max(...DOMAIN.labels.map((l) => Object.keys(l.properties).length)) + 1 }, (_, i) => [`w${i}`, 'x'])),
};

function withoutApoc<T>(registry: Partial<Record<string, Record<string, T>>> | undefined): Partial<Record<string, Record<string, T>>> {
  const out: Partial<Record<string, Record<string, T>>> = {};
  for (const [version, entries] of Object.entries(registry ?? {})) out[version] = Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => !name.startsWith('apoc.')));
  return out;
}

/** the keys of the row maps passed in $rows: the linter reads `r.from` as a property access */
const ROW_KEYS = [...Object.keys((PARAMETERS.rows as Record<string, unknown>[])[0]!), ...Object.keys((PARAMETERS.queries as Record<string, unknown>[])[0]!)];

const SCHEMA: DbSchema = {
  labels: [...new Set([...LABELS, ...STORE_LABELS])],
  relationshipTypes: [...RELATION_TYPES],
  propertyKeys: [...new Set([...STORED_PROPERTY_KEYS, ...ROW_KEYS])],
  parameters: PARAMETERS,
  functions: withoutApoc(testData.mockSchema.functions),
  procedures: withoutApoc(testData.mockSchema.procedures),
  defaultLanguage: 'CYPHER 5',
};

/** Warnings that mean the query names something the declared schema lacks. */
const UNKNOWN_NAME = /is not present in the database|is not defined/i;
const ERROR = 1;

const text = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);

/** The diagnostics that fail a query: every error, and any warning about an unknown name. */
function problems(query: string): string[] {
  return lintCypherQuery(query, SCHEMA)
    .diagnostics.filter((d) => d.severity === ERROR || UNKNOWN_NAME.test(text(d.message)))
    .map((d) => `${d.severity === ERROR ? 'error' : 'warning'} at ${d.offsets.start}: ${text(d.message)}`);
}

const QUERIES = [...allQueryTexts(), ...NEO4J_QUERY_TEXTS];
// the linter's semantic analysis takes a few hundred ms per query on a busy machine, and loading it seconds
const LINT_BUDGET_MS = 30_000 + QUERIES.length * 2_000;

describe('Cypher texts pass Neo4j 5 parsing and semantic analysis', () => {
  it('every catalogue and Neo4j adapter query', { timeout: LINT_BUDGET_MS }, () => {
    expect(QUERIES.length).toBeGreaterThan(20);
    const failures = QUERIES.flatMap(({ name, text }) => problems(text).map((p) => `${name}: ${p}\n    ${text}`));
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('catches broken queries, so the check is real', () => {
    const broken: Record<string, string> = {
      syntax: `MATCH (n:Entity) RETRUN n.id AS id`,
      'unknown function': `MATCH (n:Entity) RETURN nosuchfn(n.id) AS id`,
      'apoc is not available': `RETURN apoc.text.join(['a'], ',') AS t`,
      'misspelled label': `MATCH (n:Entiti) RETURN n.id AS id`,
      'misspelled property': `MATCH (n:Entity) RETURN n.nmae AS name`,
      'misspelled relation type': `MATCH (:Entity)-[r:SUPPLIEZ]->(:Entity) RETURN count(r) AS total`,
      'undeclared parameter': `MATCH (n:Entity) RETURN n.id AS id LIMIT $lmit`,
    };
    for (const [what, text] of Object.entries(broken)) expect(problems(text), what).not.toEqual([]);
  });

  it('reports syntax and unknown functions as errors, unknown schema names as warnings', () => {
    const severity = (text: string) => lintCypherQuery(text, SCHEMA).diagnostics.map((d) => d.severity);
    expect(severity(`MATCH (n:Entity) RETRUN n.id AS id`)).toContain(ERROR);
    expect(severity(`RETURN nosuchfn(1) AS x`)).toContain(ERROR);
    expect(severity(`MATCH (n:Entiti) RETURN n.id AS id`)).toEqual([2]);
    expect(severity(`MATCH (n:Entity) RETURN n.id AS id`)).toEqual([]);
  });
});
