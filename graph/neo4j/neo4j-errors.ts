// Maps Neo4j driver errors onto the project's closed set of errors. Messages name the server
// and the reason, never the password.
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';

/** What the mapping needs to know to write a useful message. */
export interface ErrorContext {
  /** the server address with any credentials removed */
  uri: string;
  user: string;
  database?: string;
  /** scrubbed from every message, whatever the driver put in it */
  password: string;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function scrub(message: string, ctx: ErrorContext): string {
  return ctx.password ? message.split(ctx.password).join('***') : message;
}

/** Removes user:password@ from a connection URI so it can be shown. */
export function displayUri(uri: string): string {
  return uri.replace(/^([a-z0-9+.-]+:\/\/)[^@/]*@/i, '$1');
}

/**
 * Returns the project error for a driver error (auth and connection failures → StoreUnavailable,
 * constraint violations → InvalidInput), or the error unchanged when it is not the driver's.
 */
export function mapNeo4jError(err: unknown, ctx: ErrorContext): unknown {
  const code = codeOf(err);
  if (!code) return err;
  const message = scrub(err instanceof Error ? err.message : String(err), ctx);
  const where = `Neo4j at ${ctx.uri}`;
  if (code === 'Neo.ClientError.Security.Unauthorized') return new StoreUnavailable(`${where} rejected the credentials of user "${ctx.user}" (check NEO4J_USER and NEO4J_PASSWORD)`, { cause: err });
  if (code.startsWith('Neo.ClientError.Security.')) return new StoreUnavailable(`${where} refused user "${ctx.user}": ${message}`, { cause: err });
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return new StoreUnavailable(`${where} is unreachable: ${message}`, { cause: err });
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return new StoreUnavailable(`${where} has no database "${ctx.database ?? '(default)'}" (check NEO4J_DATABASE)`, { cause: err });
  // the driver's own pool: every connection busy for the whole acquisition timeout (its code is N/A)
  if (/connection acquisition timed out/i.test(message))
    return new StoreUnavailable(`${where} has no free connection: every one of the pool stayed busy (raise NEO4J_MAX_POOL_SIZE, or add capacity): ${message}`, { cause: err });
  // a cluster whose routing table has no reader or writer for the database, or a member that stopped leading
  if (code.startsWith('Neo.ClientError.Cluster.') || code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase' || /routing|no (?:routing servers|writers|readers)/i.test(message))
    return new StoreUnavailable(`${where} cannot route the request to a cluster member: ${message}`, { cause: err });
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (code === 'Neo.ClientError.Transaction.TransactionMarkedAsFailed' && /timed? ?out/i.test(message)))
    return new StoreUnavailable(`${where} stopped the query at its time limit: ${message}`, { cause: err });
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new InvalidInput(`the write breaks a uniqueness rule: ${message}`);
  if (code.startsWith('Neo.TransientError.') || (err as { retriable?: unknown }).retriable === true)
    return new StoreUnavailable(`${where} kept failing with a transient error after retries: ${message}`, { cause: err });
  return err;
}
