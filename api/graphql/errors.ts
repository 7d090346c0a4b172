// Error shaping at the GraphQL boundary: our closed set of errors keeps its message and gets its
// code; GraphQL's own errors (syntax, validation, limits) pass through; anything else is masked
// as an opaque id that is logged with the stack.
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { Forbidden, InvalidInput, NotFound, StoreUnavailable, Unauthorized } from '../../schema/errors.js';

const KNOWN = [InvalidInput, NotFound, Unauthorized, Forbidden, StoreUnavailable];

// graphql-js ends some validation messages with "Did you mean …?", naming fields and types
const SUGGESTION = /\s*Did you mean [^]*\?$/;
// graphql-js reports a syntax error with a validation code when the token limit parsed the document
const SYNTAX = /^Syntax Error:/;

/** Builds Apollo's formatError for a logger; without `suggestions` (introspection off) no message names a field the query did not. */
export function errorFormatter(logger: Logger, opts: { suggestions: boolean } = { suggestions: true }): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    formatted = shaped(formatted, opts.suggestions);
    const original = unwrapResolverError(error);
    // said as such, even when a store layer wrapped it (a failed write then reads as a rollback error)
    if (diskFull(original)) {
      logger.error({ err: original, path: formatted.path }, 'the store could not write: the disk is full');
      return { message: 'the store could not write: the disk is full (no space left on device)', locations: formatted.locations, path: formatted.path, extensions: { code: 'STORE_UNAVAILABLE' } };
    }
    if (KNOWN.some((k) => original instanceof k)) {
      const known = original as InvalidInput;
      return { message: known.message, locations: formatted.locations, path: formatted.path, extensions: { code: known.code } };
    }
    // GraphQL's and Apollo's own errors (syntax, validation, limits, persisted queries) carry a
    // code of their own; graphql-js may be loaded twice (ESM and CJS), so the code is the test
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const masked = maskedError(logger, original, 'unexpected error in a GraphQL request', { path: formatted.path });
    return { message: masked.message, locations: formatted.locations, path: formatted.path, extensions: masked.extensions };
  };
}

/** Logs an unexpected error with its stack under a fresh id; returns the opaque error a client sees instead. */
export function maskedError(logger: Logger, err: unknown, what: string, details: object = {}): { message: string; extensions: { code: 'INTERNAL_SERVER_ERROR'; id: string } } {
  const id = randomUUID().slice(0, 8);
  logger.error({ err, id, ...details }, what);
  return { message: `internal error (id ${id})`, extensions: { code: 'INTERNAL_SERVER_ERROR', id } };
}

/** True when an error, or one of its causes, says the disk is full (ENOSPC, whatever layer wrapped it). */
export function diskFull(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 'ENOSPC' || (typeof message === 'string' && /ENOSPC|no space left on device|disk (is )?full/i.test(message))) return true;
  }
  return false;
}

/** Syntax errors coded GRAPHQL_PARSE_FAILED; suggestions dropped unless allowed. */
function shaped(formatted: GraphQLFormattedError, suggestions: boolean): GraphQLFormattedError {
  let out = formatted;
  if (SYNTAX.test(out.message) && out.extensions?.code !== 'GRAPHQL_PARSE_FAILED') out = { ...out, extensions: { ...out.extensions, code: 'GRAPHQL_PARSE_FAILED' } };
  if (!suggestions && SUGGESTION.test(out.message)) out = { ...out, message: out.message.replace(SUGGESTION, '') };
  return out;
}
