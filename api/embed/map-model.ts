// What a map shows, independent of how it is drawn: chosen nodes and edges of one snapshot with
// their roles and statuses, a title, and the facts the alt text is written from.

/** Impact statuses of the scenario engine, plus SHOCKED for the entities a scenario hits. */
export type MapStatus = 'SHOCKED' | 'BROKEN' | 'DEGRADED' | 'AT_RISK' | 'UNAFFECTED';
export const STATUS_ORDER: readonly MapStatus[] = ['SHOCKED', 'BROKEN', 'DEGRADED', 'AT_RISK', 'UNAFFECTED'];

export interface MapNode {
  id: string;
  name: string;
  label: string;
  /**
   * focus: the entity asked about; upstream: what it needs; downstream: what needs it; chain: on a
   * scenario's cause chain; mitigation: what a broken deployment could move to; group: entities
   * left out of the drawing, counted ("+ 14 more deployments in China")
   */
  role: 'focus' | 'upstream' | 'downstream' | 'chain' | 'mitigation' | 'group';
  status?: MapStatus;
  /** the nation or bloc whose jurisdiction the entity sits in, by name */
  seat?: string;
  /** group nodes: how many entities they stand for, and their ids */
  members?: string[];
}

export interface MapEdge {
  /** relation id in the store (for the sources behind it) */
  relationId: string;
  from: string;
  to: string;
  type: string;
  /** layout direction: true when the dependent end is `to`, so the layered order is kept */
  reversed: boolean;
  /** drawn edges standing for several relations (to or from a group) or none (a mitigation) */
  relationIds?: string[];
  /** a suggestion, not a relation in the graph (a mitigation) */
  proposed?: boolean;
}

export interface MapSpec {
  kind: 'focus' | 'scenario';
  /** down: dependents above what they need (focus maps); up: what is hit on top (scenario maps) */
  flow: 'down' | 'up';
  title: string;
  subtitle: string;
  nodes: MapNode[];
  edges: MapEdge[];
  /** entities in reach that were left out to keep the map readable */
  omitted: number;
  /** one or two sentences describing the map for screen readers and the image's alt text */
  alt: string;
  graphVersion: string | number;
  asOf?: string;
}
