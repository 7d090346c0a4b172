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
