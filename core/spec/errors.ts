// The one error core/spec throws for a document it cannot use. The CLI layer prints
// `message` as is (one sentence, no stack) and exits with code 2.

export interface SpecErrorOptions {
  /** The spec file as given by the user. */
  file: string;
  /** What is wrong, as a sentence fragment without the location, e.g. "malformed YAML: ...". */
  reason: string;
  /** JSON pointer (`#/paths/~1tickets/get`) of the offending node, when there is one. */
  pointer?: string;
  /** 1-based line and column of the offending node, when known. */
  line?: number;
  column?: number;
}

export class SpecError extends Error {
  readonly file: string;
  readonly reason: string;
  readonly pointer: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(options: SpecErrorOptions) {
    super(formatSpecError(options));
    this.name = 'SpecError';
    this.file = options.file;
    this.reason = options.reason;
    this.pointer = options.pointer;
    this.line = options.line;
    this.column = options.column;
  }
}

/** "openapi.yaml:12:7: broken $ref ... (at #/paths/...)." in the file:line:col form editors link. */
function formatSpecError({ file, reason, pointer, line, column }: SpecErrorOptions): string {
  const place = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  const at = pointer === undefined || pointer === '#' ? '' : ` (at ${pointer})`;
  const sentence = `${place}: ${reason}${at}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Where a node of the source document is; `ParsedSpec` provides it. */
export interface SpecLocator {
  file: string;
  position(pointer: string): { line: number; column: number } | undefined;
}

/** A SpecError about the node at `pointer`, with its line and column when the source has them. */
export function specErrorAt(source: SpecLocator, pointer: string, reason: string): SpecError {
  const position = source.position(pointer);
  return new SpecError({ file: source.file, reason, pointer, line: position?.line, column: position?.column });
}
