// Generated world graphs for the scenario benchmark: N deployments with ~5 dependency edges
// each and realistic fan-in (a few chips, foundries and clouds carry most of the world), built
// with SnapshotBuilder. Deterministic for a given size.
import { SnapshotBuilder, type Snapshot } from '../graph/snapshot.js';
import type { Label, RelationType } from '../schema/generated/model.js';
import type { Props } from '../schema/records.js';

/** The world as flat lists, for loading the same graph into another store. */
export interface WorldLists {
  nodes: { id: string; label: Label }[];
  edges: { from: string; type: RelationType; to: string; via?: string }[];
}

const COUNTRIES = ['us', 'cn', 'tw', 'kr', 'jp', 'in', 'ae', 'sa', 'qa', 'sg', 'gb', 'fr', 'de', 'nl', 'it', 'es', 'ie', 'ca', 'il', 'br', 'se', 'pl', 'my', 'id'];
const EU = new Set(['fr', 'de', 'nl', 'it', 'es', 'ie', 'se', 'pl']);
const GCC = new Set(['ae', 'sa', 'qa']);
const EMPTY: Props = Object.freeze({}) as Props;
const API: Props = Object.freeze({ via: 'api' }) as Props;
const SELF: Props = Object.freeze({ via: 'self_hosted' }) as Props;
const CLASSES: Props[] = [['government'], ['personal'], ['public'], ['financial', 'personal'], ['health', 'personal']].map((c) => Object.freeze({ dataClasses: c }) as Props);

/** A small deterministic generator (mulberry32): the same seed gives the same sequence, so a run can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates a world of `deployments` deployments; `lists` also returns flat node and edge lists. */
export function generateWorld(deployments: number, lists = false): { snapshot: Snapshot; lists?: WorldLists; edges: number } {
  const r = rng(deployments);
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * Math.pow(r(), 2.2)));
  const b = new SnapshotBuilder();
  const out: WorldLists | undefined = lists ? { nodes: [], edges: [] } : undefined;
  let edges = 0;
  const node = (id: string, label: Label, props: Props = EMPTY) => {
    b.addNode(id, label, id, props);
    out?.nodes.push({ id, label });
  };
  const edge = (from: string, type: RelationType, to: string, props: Props = EMPTY) => {
    if (b.addEdge(from, type, to, props)) {
      edges++;
      out?.edges.push(typeof props.via === 'string' ? { from, type, to, via: props.via } : { from, type, to });
    }
  };
  const nation = (i: number) => `nation:${COUNTRIES[i]}`;
  node('nation:eu', 'Nation', { kind: 'bloc' });
  node('nation:gcc', 'Nation', { kind: 'bloc' });
  COUNTRIES.forEach((c, i) => {
    node(nation(i), 'Nation', { kind: 'country' });
    if (EU.has(c)) edge(nation(i), 'MEMBER_OF', 'nation:eu');
    if (GCC.has(c)) edge(nation(i), 'MEMBER_OF', 'nation:gcc');
  });
  const orgs = 40 + Math.floor(deployments / 2000);
  for (let i = 0; i < orgs; i++) {
    node(`org:o${i}`, 'Organization');
    edge(`org:o${i}`, 'HEADQUARTERED_IN', nation(i < 3 ? [2, 1, 3][i]! : zipf(COUNTRIES.length)));
  }
  const chips = 16;
  for (let i = 0; i < 3; i++) {
    node(`chip:hbm${i}`, 'Chip');
    edge(`chip:hbm${i}`, 'DESIGNED_BY', `org:o${3 + i}`);
  }
  for (let i = 0; i < chips; i++) {
    node(`chip:c${i}`, 'Chip');
    edge(`chip:c${i}`, 'DESIGNED_BY', `org:o${6 + zipf(6)}`);
    edge(`chip:c${i}`, 'FABRICATED_BY', `org:o${zipf(3)}`);
    if (r() < 0.2) edge(`chip:c${i}`, 'FABRICATED_BY', `org:o${zipf(3)}`);
    edge(`chip:c${i}`, 'USES_MEMORY', `chip:hbm${zipf(3)}`);
    if (r() < 0.4) edge(`chip:c${i}`, 'USES_MEMORY', `chip:hbm${zipf(3)}`);
  }
  const dcs = 40 + Math.floor(deployments / 1000);
  for (let i = 0; i < dcs; i++) {
    node(`dc:d${i}`, 'DataCenter');
    edge(`dc:d${i}`, 'LOCATED_IN', nation(zipf(COUNTRIES.length)));
    edge(`dc:d${i}`, 'RUNS_ON', `chip:c${zipf(chips)}`);
  }
  const clouds = 12 + Math.floor(deployments / 10000);
  for (let i = 0; i < clouds; i++) {
    node(`cloud:k${i}`, 'Cloud');
    edge(`cloud:k${i}`, 'HEADQUARTERED_IN', nation(zipf(COUNTRIES.length)));
    edge(`cloud:k${i}`, 'OPERATED_BY', `org:o${zipf(orgs)}`);
    const n = 1 + Math.floor(r() * 3);
    for (let j = 0; j < n; j++) edge(`cloud:k${i}`, 'HOSTED_ON', `dc:d${zipf(dcs)}`);
    edge(`cloud:k${i}`, 'RUNS_ON', `chip:c${zipf(chips)}`);
  }
  const labs = 20 + Math.floor(deployments / 2000);
  for (let i = 0; i < labs; i++) {
    node(`lab:l${i}`, 'Lab');
    edge(`lab:l${i}`, 'HEADQUARTERED_IN', nation(zipf(COUNTRIES.length)));
  }
  const models = 60 + Math.floor(deployments / 500);
  for (let i = 0; i < models; i++) {
    node(`model:m${i}`, 'Model');
    edge(`model:m${i}`, 'DEVELOPED_BY', `lab:l${zipf(labs)}`);
    edge(`model:m${i}`, 'RUNS_ON', `chip:c${zipf(chips)}`);
    if (r() < 0.4) edge(`model:m${i}`, 'RUNS_ON', `chip:c${zipf(chips)}`);
    edge(`model:m${i}`, 'HOSTED_ON', `cloud:k${zipf(clouds)}`);
    if (r() < 0.3) edge(`model:m${i}`, 'HOSTED_ON', `cloud:k${zipf(clouds)}`);
    edge(`model:m${i}`, 'TRAINED_ON', `chip:c${zipf(chips)}`);
    if (i > 0 && r() < 0.2) edge(`model:m${i}`, 'DERIVED_FROM', `model:m${zipf(i)}`);
  }
  for (let i = 0; i < deployments; i++) {
    const id = `deployment:x${i}`;
    node(id, 'Deployment', CLASSES[Math.floor(r() * CLASSES.length)]!);
    edge(id, 'LOCATED_IN', nation(zipf(COUNTRIES.length)));
    let self = false;
    const nm = r() < 0.3 ? 2 : 1;
    for (let j = 0; j < nm; j++) {
      const api = r() < 0.7;
      self ||= !api;
      edge(id, 'USES_MODEL', `model:m${zipf(models)}`, api ? API : SELF);
    }
    edge(id, 'HOSTED_ON', `cloud:k${zipf(clouds)}`);
    if (r() < 0.25) edge(id, 'HOSTED_ON', `cloud:k${zipf(clouds)}`);
    if (self) {
      edge(id, 'RUNS_ON', `chip:c${zipf(chips)}`);
      if (r() < 0.3) edge(id, 'RUNS_ON', `chip:c${zipf(chips)}`);
    }
  }
  return { snapshot: b.build(deployments), edges, ...(out ? { lists: out } : {}) };
}
