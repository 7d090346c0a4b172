// All resolvers: hand-written ones typed by codegen, plus each label's field resolvers built from
// the domain model.
import { GraphQLScalarType, Kind } from 'graphql';
import { InvalidInput } from '../../../schema/errors.js';
import { assertValid, dateProblem } from '../../../schema/validate.js';
import type { Resolvers } from '../generated.js';
import type { EntityRecord } from '../../../schema/records.js';
import { entityTypeResolvers } from './entity-fields.js';
import { amountRange } from './money.js';
import { Query } from './query.js';
import { analysisQueries } from './analysis.js';
import { Mutation } from './mutation.js';
import { ingestMutations, ingestQueries } from './ingest.js';
import { Relation, Source } from './relation.js';
import { Change, DocumentClaims, RelationHistory, RelationValues, SourceHistory, historyQueries } from './history.js';
import { ScenarioWatch, ScenarioWatchChange, WatchedStatusChange, watchMutations, watchQueries, watchSubscriptions } from './watch.js';
import { CauseStep, Chokepoint, Impact, Mitigation, ScenarioInfo, StatusChange, scenarioQueries } from './scenario.js';

// real calendar dates only: 2026-02-30 is refused, never read as "no date"
const parseDate = (value: unknown) => {
  assertValid(dateProblem('Date', value));
  return value as string;
};

const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (v) => String(v),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: function literal(ast): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.LIST:
        return ast.values.map((v) => literal(v));
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
      case Kind.NULL:
        return null;
      default:
        throw new InvalidInput('JSON: variables are not supported inside JSON literals; pass the whole value as a variable');
    }
  },
});

const typed: Resolvers = {
  Date: DateScalar,
  JSON: JSONScalar,
  Entity: { __resolveType: (e) => e.label },
  Node: { __resolveType: (n) => n.__node ?? (n as EntityRecord).label },
  Query: { ...Query, ...analysisQueries, ...scenarioQueries, ...ingestQueries, ...historyQueries, ...watchQueries },
  Mutation: { ...Mutation, ...ingestMutations, ...watchMutations },
  Subscription: { ...watchSubscriptions },
  Relation: { ...Relation, ...RelationHistory },
  Change,
  RelationValues,
  ScenarioWatch,
  ScenarioWatchChange,
  WatchedStatusChange,
  ScenarioInfo,
  Impact,
  CauseStep,
  Mitigation,
  StatusChange,
  Chokepoint,
  Source: { ...Source, ...SourceHistory, retracted: (c) => (c as { retracted?: boolean }).retracted === true },
};

/** The resolver map handed to Apollo. */
export function buildResolvers(): Record<string, object> {
  const perLabel = entityTypeResolvers();
  return { ...perLabel, ...typed, Document: { ...perLabel.Document, ...DocumentClaims }, Deal: { ...perLabel.Deal, amountRange } } as Record<string, object>;
}
