// Thrown while building when a schema accepts no value the generators can make (a
// contradiction such as `minimum` above `maximum`, or something unsupported). Builders catch
// it to drop one branch of a union; at the top it becomes the one-sentence error the user sees.

export class NoValueError extends Error {
  /** Property names (and `*` for items) from the root to the schema that failed, once known. */
  path: readonly string[] | undefined;

  constructor(reason: string, path?: readonly string[]) {
    super(reason);
    this.name = 'NoValueError';
    this.path = path;
  }
}

/** "validValue: the schema at from_contact.email accepts no value: minLength 9 is above maxLength 3." */
export function describeSchemaFailure(arbitrary: string, path: readonly string[], reason: string): string {
  const where = path.length === 0 ? 'the schema' : `the schema at ${path.join('.')}`;
  const sentence = `${arbitrary}: ${where} ${reason}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
