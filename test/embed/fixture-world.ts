// A small world for the embed tests, written through a real in-memory store: a chip, its
// designer, deployments in China that run on it (one with a hostile name), sources, and one
// relation that stopped being valid in 2025.
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { claimId, type ClaimRecord, type EntityRecord } from '../../schema/records.js';
import type { RelationType } from '../../schema/generated/model.js';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const SCENARIO_DIR = new URL('./fixtures/scenarios/', import.meta.url).pathname;

const entities: EntityRecord[] = [
  { id: 'nation:cn', label: 'Nation', name: 'China', aliases: [], props: { iso: 'CN', kind: 'country' } },
  { id: 'nation:us', label: 'Nation', name: 'United States', aliases: [], props: { iso: 'US', kind: 'country' } },
  { id: 'org:test-nvidia', label: 'Organization', name: 'NVIDIA', aliases: [], props: {} },
  { id: 'chip:test-h20', label: 'Chip', name: 'NVIDIA H20', aliases: [], props: { kind: 'gpu' } },
  { id: 'chip:test-old', label: 'Chip', name: 'Retired Accelerator', aliases: [], props: { kind: 'gpu' } },
  { id: 'deployment:test-hostile', label: 'Deployment', name: HOSTILE, aliases: [], props: { dataClasses: ['public'] } },
  { id: 'deployment:test-bank', label: 'Deployment', name: 'Bank assistant with a rather long name that will not fit', aliases: [], props: { dataClasses: ['financial'] } },
  { id: 'deployment:test-city', label: 'Deployment', name: 'City services chatbot', aliases: [], props: { dataClasses: ['government'] } },
];

const DOC = 'doc:test-h20';
const rel = (subject: string, r: RelationType, object: string, extra: Partial<ClaimRecord> = {}): ClaimRecord => {
  const base = { subject, rel: r, object, props: {}, documentId: DOC, quote: `${subject} ${r} ${object}`, extractor: 'test', ...extra };
  return { ...base, id: claimId(base), confidence: 1, observedAt: '2026-04-20T00:00:00Z' };
};

const claims: ClaimRecord[] = [
  rel('org:test-nvidia', 'HEADQUARTERED_IN', 'nation:us'),
  rel('chip:test-h20', 'DESIGNED_BY', 'org:test-nvidia'),
  rel('deployment:test-hostile', 'RUNS_ON', 'chip:test-h20'),
  rel('deployment:test-hostile', 'LOCATED_IN', 'nation:cn'),
  rel('deployment:test-bank', 'RUNS_ON', 'chip:test-h20'),
  rel('deployment:test-bank', 'LOCATED_IN', 'nation:cn'),
  rel('deployment:test-city', 'RUNS_ON', 'chip:test-h20'),
  rel('deployment:test-city', 'LOCATED_IN', 'nation:cn'),
  rel('deployment:test-city', 'RUNS_ON', 'chip:test-old', { validTo: '2025-01-01' }),
];

/** An in-memory store holding the small world. */
export async function fixtureStore(): Promise<GraphStore> {
  const store = await openEmbeddedStore({ dataDir: ':memory:' });
  await writeFixture(store);
  return store;
}

/** Writes the small world into a store. */
export async function writeFixture(store: GraphStore): Promise<void> {
  await store.write({
    entities,
    documents: [{ id: DOC, url: 'https://example.org/h20-report', title: `Report on the H20 ${HOSTILE}`, kind: 'news' }],
    claims,
  });
}

/** A later fact about the world (a new deployment on the chip), as a news write would add it. */
export async function writeLaterFact(store: GraphStore): Promise<void> {
  await store.write({
    entities: [{ id: 'deployment:test-late', label: 'Deployment', name: 'Port logistics planner', aliases: [], props: { dataClasses: ['public'] } }],
    claims: [rel('deployment:test-late', 'RUNS_ON', 'chip:test-h20'), rel('deployment:test-late', 'LOCATED_IN', 'nation:cn')],
  });
}
