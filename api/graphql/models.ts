// The model types resolvers return for the non-entity parts of the schema (codegen `mappers`).
import type { ClaimRecord, EntityRecord, RelationRecord } from '../../schema/records.js';

export interface EntityEdge {
  cursor: string;
  node: EntityRecord;
}

/** Relay page info. */
export interface PageInfoModel {
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface EntityConnection {
  edges: EntityEdge[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

export interface RelationEdgeModel {
  cursor: string;
  node: RelationRecord;
}

export interface RelationConnectionModel {
  edges: RelationEdgeModel[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/** What node(id:) returns: an entity, a relation or a claim, tagged with its GraphQL type. */
export type NodeModel = (EntityRecord & { __node?: undefined }) | (RelationRecord & { __node: 'Relation' }) | (ClaimRecord & { __node: 'Source' });

export interface SearchHitModel {
  entity: EntityRecord;
  score: number;
}

export interface SubgraphModel {
  root: EntityRecord;
  nodes: EntityRecord[];
  edges: RelationRecord[];
  depths: number[];
}

export interface PathStepModel {
  relation: RelationRecord;
  reversed: boolean;
  entity: EntityRecord;
}

export interface PathModel {
  length: number;
  start: EntityRecord;
  steps: PathStepModel[];
}

export interface ExposureItemModel {
  subject: EntityRecord;
  dependency: EntityRecord;
  jurisdictions: EntityRecord[];
  path: RelationRecord[];
  control: RelationRecord[];
}

export interface LayerExposureModel {
  layer: string;
  exposed: number;
  total: number;
  share: number;
  items: ExposureItemModel[];
}

export interface ExposureModel {
  nation: EntityRecord;
  asOf: string | null;
  home: EntityRecord[];
  subjects: number;
  exposed: number;
  share: number;
  layers: LayerExposureModel[];
}

/** One causal chain of a scenario impact. */
export type { Cause as CauseModel } from '../../scenarios/causes.js';

export type { ScenarioResult as ScenarioResultModel, Impact as ImpactModel } from '../../scenarios/engine.js';
export type { Mitigation as MitigationModel } from '../../scenarios/mitigations.js';
export type { StatusChange as StatusChangeModel } from '../../scenarios/diff.js';
