// The closed set of errors the project raises on purpose. The boundaries map them: GraphQL
// codes in api/, exit codes in the CLI (InvalidInput/NotFound/Unauthorized -> 1, others -> 2).

/** Bad input from a user, a file or a document; the message names the input and what was expected. */
export class InvalidInput extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInput';
  }
}

/** A named thing (entity, scenario, file) does not exist. */
export class NotFound extends Error {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** Missing or wrong credentials. */
export class Unauthorized extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'an API key is required') {
    super(message);
    this.name = 'Unauthorized';
  }
}

/** Valid credentials without the role the operation needs. */
export class Forbidden extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message = 'this API key may not do that') {
    super(message);
    this.name = 'Forbidden';
  }
}

/** The store cannot be reached, is locked by another process, or refused the operation. */
export class StoreUnavailable extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

/** Errors a user can fix by changing their input: exit code 1, shown as they are. */
export function isUserError(err: unknown): err is InvalidInput | NotFound | Unauthorized | Forbidden {
  return err instanceof InvalidInput || err instanceof NotFound || err instanceof Unauthorized || err instanceof Forbidden;
}

/** An error as it crosses a thread's port: its class name, message and Grafeo's GQLSTATUS (structured clone keeps no class). */
export interface WireError {
  name: string;
  message: string;
  gqlStatus?: string;
}

/** The project's own errors keep their class across a port (the boundaries map them by class). */
const KNOWN: Record<string, new (message: string) => Error> = { InvalidInput, NotFound, Unauthorized, Forbidden, StoreUnavailable };

/** An error (anything thrown) as it is sent to another thread. */
export function errorToWire(err: unknown): WireError {
  const e = err instanceof Error ? err : new Error(String(err));
  const wire: WireError = { name: e.name, message: e.message };
  const status = (e as { gqlStatus?: unknown }).gqlStatus;
  if (typeof status === 'string') wire.gqlStatus = status;
  return wire;
}

/** The error another thread sent: one of the project's as its class, any other as an Error of the same name and message. */
export function errorFromWire(wire: WireError): Error {
  const Known = KNOWN[wire.name];
  if (Known) return new Known(wire.message);
  const err = new Error(wire.message) as Error & { gqlStatus?: string };
  if (wire.name !== 'Error') err.name = wire.name;
  if (wire.gqlStatus !== undefined) err.gqlStatus = wire.gqlStatus;
  return err;
}
