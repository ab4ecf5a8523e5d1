// Visits every schema and every `$ref` of an OpenAPI 3.1 document, knowing which parts are
// schemas, which are OpenAPI objects, which are maps of names and which are plain data
// (examples, enums, defaults, `x-` values), so a property called `default` or an example
// holding a `$ref` key is never taken for something it is not.

import { childPointer } from './pointer.js';
import { SCHEMA_LIST_KEYWORDS, SCHEMA_MAP_KEYWORDS, SCHEMA_SINGLE_KEYWORDS } from './schema-keywords.js';

export interface DocumentVisitor {
  /** Every schema object, parents before children. It may rewrite the node in place; the walk then descends into the rewritten node. */
  schema?(schema: Record<string, unknown>, pointer: string): void;
  /** Every `$ref`: of a schema or of a Reference Object. `pointer` is the object holding it. */
  reference?(ref: string, pointer: string): void;
}

type Shape = 'object' | 'map' | 'callbacks';
type Json = Record<string, unknown>;

/** Keys of OpenAPI objects whose value is a map from names (paths, statuses, media types...) to objects. */
const NAME_MAPS = new Set([
  'paths', 'webhooks', 'responses', 'content', 'headers', 'links', 'encoding', 'variables', 'securitySchemes',
]);
export function walkDocument(document: unknown, visitor: DocumentVisitor): void {
  new Walker(visitor).openApi(document, '#', 'object');
}

class Walker {
  private readonly seen = new Set<object>();

  constructor(private readonly visitor: DocumentVisitor) {}

  openApi(node: unknown, pointer: string, shape: Shape): void {
    if (!this.firstVisit(node)) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => this.openApi(item, childPointer(pointer, index), 'object'));
      return;
    }
    if (shape !== 'object') {
      const childShape = shape === 'callbacks' ? 'map' : 'object';
      // Paths, Responses and Callback objects take `x-` extensions beside their names; in
      // other maps (headers above all) a name starting with `x-` is just a name.
      const extensible = shape === 'map' && /\/(paths|responses|callbacks\/[^/]+)$/.test(pointer);
      for (const [name, value] of Object.entries(node)) {
        if (extensible && name.startsWith('x-')) continue;
        this.openApi(value, childPointer(pointer, name), childShape);
      }
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const at = childPointer(pointer, key);
      if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
      if (key === '$ref') {
        if (typeof value === 'string') this.visitor.reference?.(value, pointer);
      } else if (key === 'schema') {
        this.schema(value, at);
      } else if (key === 'components' && pointer === '#') {
        this.components(value, at);
      } else if (key === 'callbacks') {
        this.openApi(value, at, 'callbacks');
      } else {
        this.openApi(value, at, NAME_MAPS.has(key) ? 'map' : 'object');
      }
    }
  }

  private components(node: unknown, pointer: string): void {
    if (!this.firstVisit(node) || Array.isArray(node)) return;
    for (const [kind, entries] of Object.entries(node)) {
      const at = childPointer(pointer, kind);
      if (kind.startsWith('x-') || kind === 'examples') continue;
      if (kind === 'schemas') {
        if (!this.firstVisit(entries) || Array.isArray(entries)) continue;
        for (const [name, schema] of Object.entries(entries)) this.schema(schema, childPointer(at, name));
      } else {
        this.openApi(entries, at, kind === 'callbacks' ? 'callbacks' : 'map');
      }
    }
  }

  schema(node: unknown, pointer: string): void {
    if (!this.firstVisit(node) || Array.isArray(node)) return;
    const schema = node as Json;
    this.visitor.schema?.(schema, pointer);
    if (typeof schema.$ref === 'string') this.visitor.reference?.(schema.$ref, pointer);
    for (const key of SCHEMA_MAP_KEYWORDS) {
      const map = schema[key];
      if (typeof map !== 'object' || map === null || Array.isArray(map)) continue;
      const at = childPointer(pointer, key);
      for (const [name, value] of Object.entries(map)) this.schema(value, childPointer(at, name));
    }
    for (const key of SCHEMA_SINGLE_KEYWORDS) {
      const value = schema[key];
      // Tuple-form `items: [...]` (draft 4 to 7) is a list of schemas.
      if (Array.isArray(value)) this.schemaList(value, childPointer(pointer, key));
      else if (value !== undefined) this.schema(value, childPointer(pointer, key));
    }
    for (const key of SCHEMA_LIST_KEYWORDS) {
      const value = schema[key];
      if (Array.isArray(value)) this.schemaList(value, childPointer(pointer, key));
    }
  }

  private schemaList(list: unknown[], pointer: string): void {
    list.forEach((item, index) => this.schema(item, childPointer(pointer, index)));
  }

  /** Objects only, each once: YAML aliases can share one object between several places. */
  private firstVisit(node: unknown): node is Json {
    if (typeof node !== 'object' || node === null || this.seen.has(node)) return false;
    this.seen.add(node);
    return true;
  }
}
