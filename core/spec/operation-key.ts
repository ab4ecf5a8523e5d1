// "METHOD /path": the id of an operation in every report and on the command line.

/** The key of one operation, e.g. `operationKey('post', '/tickets')` → "POST /tickets". */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** What a person typed (`post  /tickets`, ` GET /me `) in the form keys are stored in. */
export function normalizeOperationKey(text: string): string {
  const [method = '', ...rest] = text.trim().split(/\s+/);
  return operationKey(method, rest.join(' '));
}
