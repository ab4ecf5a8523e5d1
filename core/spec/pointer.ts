// JSON pointers in the URI-fragment form `$ref` uses: `#/paths/~1tickets~1{ticket}/get`.
// Model pointers are written without percent-encoding (readable in messages); `$ref`
// values may be percent-encoded, and ajv wants them encoded.

export type PointerSegment = string | number;

/** Segments → `#/a/b~1c`. */
export function toPointer(segments: readonly PointerSegment[]): string {
  return '#' + segments.map((segment) => '/' + escapeSegment(String(segment))).join('');
}

/** `pointer` + one more segment. */
export function childPointer(pointer: string, segment: PointerSegment): string {
  return `${pointer}/${escapeSegment(String(segment))}`;
}

/**
 * `#/a/b~1c` (or `/a/b`, or percent-encoded) → segments. Returns undefined for a fragment that
 * is not a JSON pointer, such as a `$anchor` name, or a malformed percent-encoding.
 */
export function pointerSegments(pointer: string): string[] | undefined {
  let body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  try {
    body = decodeURIComponent(body);
  } catch {
    return undefined;
  }
  if (body === '') return [];
  if (!body.startsWith('/')) return undefined;
  return body
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Normal form of any pointer spelling, so `#/a%7Bb%7D` and `#/a{b}` compare equal. */
export function canonicalPointer(pointer: string): string | undefined {
  const segments = pointerSegments(pointer);
  return segments === undefined ? undefined : toPointer(segments);
}

/** The value at `pointer` inside `root`, or undefined when the path does not exist. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  const segments = pointerSegments(pointer);
  if (segments === undefined) return undefined;
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The percent-encoded fragment ajv resolves against a document `$id`. */
export function uriFragment(pointer: string): string {
  const segments = pointerSegments(pointer) ?? [];
  return '#' + segments.map((segment) => '/' + encodeURIComponent(escapeSegment(segment))).join('');
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
