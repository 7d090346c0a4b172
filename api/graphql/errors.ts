// Error shaping at the GraphQL boundary: our closed set of errors keeps its message and gets its
// code; GraphQL's own errors (syntax, validation, limits) pass through; anything else is masked
// as an opaque id that is logged with the stack.
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { Forbidden, InvalidInput, NotFound, StoreUnavailable, Unauthorized } from '../../schema/errors.js';

const KNOWN = [InvalidInput, NotFound, Unauthorized, Forbidden, StoreUnavailable];

/** Builds Apollo's formatError for a logger. */
export function errorFormatter(logger: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = unwrapResolverError(error);
    if (KNOWN.some((k) => original instanceof k)) {
      const known = original as InvalidInput;
      return { message: known.message, locations: formatted.locations, path: formatted.path, extensions: { code: known.code } };
    }
    // GraphQL's and Apollo's own errors (syntax, validation, limits, persisted queries) carry a
    // code of their own; graphql-js may be loaded twice (ESM and CJS), so the code is the test
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const id = randomUUID().slice(0, 8);
    logger.error({ err: original, id, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: `internal error (id ${id})`, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', id } };
  };
}
