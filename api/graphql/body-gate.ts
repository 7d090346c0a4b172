// The gate a large request body passes before the event loop sees it: decoded, parsed as JSON and
// checked against the work budget (variables declared, argument caps, cost) in a worker thread
// (body-pool.ts), so a client sending near-megabyte bodies full of ids, padding or long strings
// costs the serving thread a hand-off instead of milliseconds of parsing per request. What the gate
// cannot judge (a syntax or validation error, an unknown operation, a persisted query sent by hash
// alone) goes on to Apollo, which answers it as it answers small bodies.
import { createHash } from 'node:crypto';
import { GraphQLError, buildASTSchema, concatAST, parse, validate, specifiedRules, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { checkOperation } from './budget.js';
import { LIMITS, armorOptions } from './limits.js';
import { loadTypeDefs } from './sdl.js';

/** What the gate answers: the parsed body to hand to Apollo, or a refusal to send as it is. */
export type GateAnswer = { body: unknown; digest: string } | { refused: { status: number; code: string; message: string } };

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

/** Parses one POST body (JSON) and checks it against the budget; never throws for a client's mistake. */
export function gateBody(bytes: Uint8Array, schema: GraphQLSchema): GateAnswer {
  const digest = bodyDigest(bytes);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return { refused: { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' } };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { body, digest };
  const request = body as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string') return { body, digest };
  // without its variables, a request that fails before execution gets the same answer from Apollo
  const withoutVariables = { body: { ...request, variables: null }, digest };
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: LIMITS.maxTokens });
  } catch {
    return withoutVariables;
  }
  if (validate(schema, document, rulesOf(schema)).length) return withoutVariables;
  const variables = request.variables;
  // variables that are not an object: Apollo refuses the body as it is
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return { body, digest };
  const operation = operationOf(document, request.operationName);
  if (!operation) return withoutVariables;
  try {
    checkOperation(schema, document, operation, (variables ?? undefined) as Record<string, unknown> | undefined);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    const status = (err.extensions.http as { status?: number } | undefined)?.status ?? 400;
    return { refused: { status, code: String(err.extensions.code ?? 'BAD_USER_INPUT'), message: err.message } };
  }
  return { body, digest };
}
