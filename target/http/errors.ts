// Errors a handler throws; the error handler turns them into the contract's JSON answers.

/** Any non-validation error answer: `{ "message": message }` with the given status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra response headers, e.g. `Retry-After` on a 429 or `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A 422: `errors` maps dotted field names to their messages; `message` is the first one. */
export class ValidationFailed extends Error {
  readonly statusCode = 422;

  constructor(readonly errors: Record<string, string[]>) {
    super(Object.values(errors)[0]?.[0] ?? 'The given data was invalid.');
    this.name = 'ValidationFailed';
  }
}

export const MESSAGES = {
  notFound: 'Not found.',
  methodNotAllowed: 'Method not allowed.',
  unauthenticated: 'Unauthenticated.',
  tooManyAttempts: 'Too Many Attempts.',
  unauthorized: 'This action is unauthorized.',
  malformedJson: 'Malformed JSON body.',
  serverError: 'Server Error',
} as const;
