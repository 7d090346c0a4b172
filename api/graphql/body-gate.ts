// The gate a large request body passes before the event loop sees it: decoded, parsed as JSON and
// checked against the work budget (variables declared, argument caps, cost) in a worker thread
// (body-pool.ts), so a client sending near-megabyte bodies full of ids, padding or long strings
// costs the serving thread a hand-off instead of milliseconds of parsing per request. What the gate
// cannot judge (a syntax or validation error, an unknown operation, a persisted query sent by hash
// alone) goes on to Apollo, which answers it as it answers small bodies.
import { createHash } from 'node:crypto';
import { GraphQLError, buildASTSchema, concatAST, parse, validate, specifiedRules, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { checkOperation, checkVariableSizes } from './budget.js';
import { LIMITS, armorOptions } from './limits.js';
import { loadTypeDefs } from './sdl.js';

/**
 * What the gate answers: the parsed body to hand to Apollo (with the operation's budget cost when the
 * gate could check it, so the serving thread does not check it again), or a refusal to send as it is.
 */
export type GateAnswer = { body: unknown; cost?: number } | { refused: { status: number; code: string; message: string } };

/** The SHA-256 of a body's bytes (base64): the part of the response cache's key that comes from the body. */
export function bodyDigest(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** The schema the gate checks against: the server's SDL without resolvers (the budget needs types and arguments only). */
export function gateSchema(): GraphQLSchema {
  return buildASTSchema(concatAST(loadTypeDefs().map((sdl) => parse(sdl))));
}

const rules = new WeakMap<GraphQLSchema, ValidationRule[]>();
/** The validation Apollo runs: graphql's rules and the armor's (depth, aliases, tokens, directives). */
function rulesOf(schema: GraphQLSchema): ValidationRule[] {
  let r = rules.get(schema);
  if (!r) rules.set(schema, (r = [...specifiedRules, ...armorOptions().validationRules]));
  return r;
}

/** The operation a request names, or its only one; null when Apollo must say which is missing. */
function operationOf(document: DocumentNode, name: unknown): OperationDefinitionNode | null {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (typeof name === 'string') return ops.find((o) => o.name?.value === name) ?? null;
  return ops.length === 1 ? ops[0]! : null;
}

/** A body Apollo refuses for its shape: the same answer, with Apollo's own words. */
const badShape = (message: string): GateAnswer => ({ refused: { status: 400, code: 'BAD_REQUEST', message } });
const isRecord = (o: unknown): o is Record<string, unknown> => !!o && typeof o === 'object' && !Array.isArray(o);

interface PostRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

/**
 * The request a POST body carries, checked as Apollo checks it, holding only what Apollo reads:
 * whatever else a body carries never reaches the serving thread.
 */
function requestOf(body: unknown): PostRequest | GateAnswer {
  if (Array.isArray(body)) return badShape('Operation batching disabled.');
  if (!isRecord(body) || !Object.keys(body).length) return badShape('POST body missing, invalid Content-Type, or JSON object has no keys.');
  const { query, operationName, variables, extensions } = body;
  if (query && typeof query !== 'string') return badShape('GraphQL queries must be strings.');
  if (typeof variables === 'string') return badShape('`variables` in a POST body should be provided as an object, not a recursively JSON-encoded string.');
  if (typeof extensions === 'string') return badShape('`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.');
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return badShape('`extensions` in a POST body must be an object if provided.');
  if (variables !== undefined && variables !== null && !isRecord(variables)) return badShape('`variables` in a POST body must be an object if provided.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return badShape('`operationName` in a POST body must be a string if provided.');
  const request: PostRequest = {};
  if (typeof query === 'string') request.query = query;
  if (typeof operationName === 'string') request.operationName = operationName;
  if (isRecord(variables)) request.variables = variables;
  // a persisted query's hash and version are the only extensions the server reads
  const persisted = isRecord(extensions) && isRecord(extensions.persistedQuery) ? extensions.persistedQuery : null;
  if (persisted) request.extensions = { persistedQuery: { version: persisted.version, sha256Hash: persisted.sha256Hash } };
  else if (isRecord(extensions)) request.extensions = {};
  return request;
}

/** Parses one POST body (JSON) and checks it against the budget; never throws for a client's mistake. */
export function gateBody(bytes: Uint8Array, schema: GraphQLSchema): GateAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return { refused: { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' } };
  }
  const request = requestOf(parsed);
  if ('refused' in request || 'body' in request) return request;
  // without its variables, a request that fails before execution gets the same answer from Apollo
  const { variables, ...withoutVariables } = request;
  const refusal = (err: unknown): GateAnswer => {
    if (!(err instanceof GraphQLError)) throw err;
    const status = (err.extensions.http as { status?: number } | undefined)?.status ?? 400;
    return { refused: { status, code: String(err.extensions.code ?? 'BAD_USER_INPUT'), message: err.message } };
  };
  if (request.query === undefined) {
    // a persisted query sent by its hash alone: the operation is known only to Apollo, which checks
    // the rest; oversized lists are refused here
    try {
      checkVariableSizes(variables);
    } catch (err) {
      return refusal(err);
    }
    return { body: request };
  }
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: LIMITS.maxTokens });
  } catch {
    return { body: withoutVariables };
  }
  if (validate(schema, document, rulesOf(schema)).length) return { body: withoutVariables };
  const operation = operationOf(document, request.operationName);
  if (!operation) return { body: withoutVariables };
  try {
    return { body: request, cost: checkOperation(schema, document, operation, variables) };
  } catch (err) {
    return refusal(err);
  }
}
