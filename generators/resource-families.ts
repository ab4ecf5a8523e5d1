// Resource families inferred from the path hierarchy: a collection path (`/tickets`, with GET
// to list and POST to create), its item path (`/tickets/{ticket}`, GET/PUT/PATCH/DELETE),
// families nested under an item (`/brains/{brain}/articles`), relations that attach another
// family's resources to an item (`/tickets/{ticket}/tags/{tag}`), and actions on an item
// (`/tickets/{ticket}/reply`) or a collection (`/members/invite`). OpenAPI `links` of a create
// response, where present, say where the new id is and which operations follow.

import type { JsonSchema, OperationModel } from '../core/spec/model.js';
import { isSchemaObject } from './_internals/json.js';
import { resourceNameOf, singular, snakeCase } from './resource-name-of.js';

export type FamilyRole = 'list' | 'create' | 'read' | 'update' | 'delete' | 'attach' | 'detach';

export interface FamilyAction {
  /** The literal segment that names it: "reply", "status", "invite", "tags". */
  name: string;
  operation: OperationModel;
}

export interface ResourceFamily {
  /** Resource name, the key of harvested ULIDs: "ticket", "user", "article". */
  resource: string;
  /** `collection` has items; `singleton` is one object (`/me`); `relation` attaches another family's items to a parent item. */
  kind: 'collection' | 'singleton' | 'relation';
  collectionPath: string;
  itemPath?: string;
  /** Name of the item's path parameter: "ticket". */
  itemParam?: string;
  /** The family whose item this one is nested under. */
  parent?: ResourceFamily;
  /** For a relation: the family that owns the attached items (tags for ticket tags). */
  target?: ResourceFamily;
  operations: Partial<Record<FamilyRole, OperationModel>>;
  actions: FamilyAction[];
  /** JSON pointer of the new item's id in the create response body ("/data/ulid"). */
  idPointer?: string;
}

/** What resourceFamilies reads: core/spec's Spec, or just its operations (and document, for links). */
export interface SpecLike {
  operations: readonly OperationModel[];
  document?: unknown;
}

const ID_KEYS = ['ulid', 'id', 'uuid'];

export function resourceFamilies(spec: SpecLike): ResourceFamily[] {
  if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.operations)) {
    throw new TypeError('resourceFamilies: expected a spec with an `operations` list (core/spec loadSpec).');
  }
  const byPath = new Map<string, OperationModel[]>();
  for (const operation of spec.operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  const paths = [...byPath.keys()];
  const opsAt = (path: string | undefined): OperationModel[] => (path === undefined ? [] : (byPath.get(path) ?? []));
  const method = (path: string | undefined, ...methods: string[]): OperationModel | undefined => opsAt(path).find((operation) => methods.includes(operation.method));

  // Every literal-ending path is a collection candidate; so is the parent of a `{param}`-ending path.
  const collections: string[] = [];
  for (const path of paths) {
    const candidate = isParam(lastSegment(path)) ? parentOf(path) : path;
    if (candidate !== '' && !collections.includes(candidate) && !isParam(lastSegment(candidate))) collections.push(candidate);
  }
  collections.sort((a, b) => depth(a) - depth(b) || paths.indexOf(a) - paths.indexOf(b));

  const families: ResourceFamily[] = [];
  const familyByItemPath = new Map<string, ResourceFamily>();
  const familyByCollection = new Map<string, ResourceFamily>();
  const pendingRelations: ResourceFamily[] = [];

  for (const collection of collections) {
    const itemPath = paths.find((path) => parentOf(path) === collection && isParam(lastSegment(path)));
    const itemParam = itemPath === undefined ? undefined : lastSegment(itemPath).slice(1, -1);
    const above = parentOf(collection);
    const parent = familyByItemPath.get(above);
    const name = lastSegment(collection);

    if (itemPath === undefined && method(collection, 'GET') === undefined) {
      // POST/PUT/DELETE on a literal sub-path: an action of the item or collection above it.
      const owner = parent ?? familyByCollection.get(above);
      if (owner !== undefined) {
        for (const operation of opsAt(collection)) owner.actions.push({ name, operation });
        continue;
      }
    }
    const itemSchema = itemPath === undefined ? undefined : opsAt(itemPath)[0]?.parameters.find((parameter) => parameter.in === 'path' && parameter.name === itemParam)?.schema;
    const resource = itemParam !== undefined ? (resourceNameOf(itemParam, itemSchema, 'path') ?? itemParam) : singular(snakeCase(name));
    const family: ResourceFamily = {
      resource,
      kind: itemPath === undefined && parent === undefined && method(collection, 'POST') === undefined && !isListSchema(method(collection, 'GET')) ? 'singleton' : 'collection',
      collectionPath: collection,
      operations: {},
      actions: [],
    };
    if (itemPath !== undefined) family.itemPath = itemPath;
    if (itemParam !== undefined) family.itemParam = itemParam;
    if (parent !== undefined) family.parent = parent;
    const list = method(collection, 'GET');
    const create = method(collection, 'POST');
    const read = method(itemPath, 'GET');
    const update = method(itemPath, 'PATCH', 'PUT');
    const remove = method(itemPath, 'DELETE');
    if (family.kind === 'singleton') {
      if (list) family.operations.read = list;
      if (create) family.operations.create = create;
    } else {
      if (list) family.operations.list = list;
      if (create) family.operations.create = create;
      if (read) family.operations.read = read;
      if (update) family.operations.update = update;
      if (remove) family.operations.delete = remove;
    }
    // Another family's items attached under a parent item, with no item read of their own.
    if (parent !== undefined && itemPath !== undefined && read === undefined) pendingRelations.push(family);
    families.push(family);
    familyByCollection.set(collection, family);
    if (itemPath !== undefined) familyByItemPath.set(itemPath, family);
  }

  for (const family of pendingRelations) {
    const target = families.find((other) => other !== family && other.parent === undefined && other.resource === family.resource && other.kind === 'collection');
    if (target === undefined) continue;
    family.kind = 'relation';
    family.target = target;
    const attach = method(family.itemPath, 'POST', 'PUT');
    const detach = method(family.itemPath, 'DELETE');
    family.operations = {};
    if (method(family.collectionPath, 'GET')) family.operations.list = method(family.collectionPath, 'GET')!;
    if (attach) family.operations.attach = attach;
    if (detach) family.operations.detach = detach;
    const name = lastSegment(family.collectionPath);
    for (const operation of [attach, detach]) if (operation) family.parent!.actions.push({ name, operation });
  }

  for (const family of families) {
    family.idPointer = linkedIdPointer(family, spec) ?? inferredIdPointer(family);
    if (family.idPointer === undefined) delete family.idPointer;
    for (const operation of linkedOperations(family, spec)) {
      const known = Object.values(family.operations).includes(operation) || family.actions.some((action) => action.operation === operation);
      if (!known) family.actions.push({ name: lastSegment(operation.path), operation });
    }
  }
  return families;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function depth(path: string): number {
  return path.split('/').length;
}

/** Whether a GET answers a list (an array, or an envelope holding one), which makes a collection rather than a singleton. */
function isListSchema(operation: OperationModel | undefined): boolean {
  if (operation === undefined) return false;
  const schema = successSchema(operation);
  const data = propertyOf(schema, 'data') ?? schema;
  return isSchemaObject(data) && (data.type === 'array' || (Array.isArray(data.type) && data.type.includes('array')) || data.items !== undefined);
}

function successSchema(operation: OperationModel): JsonSchema | undefined {
  const statuses = Object.keys(operation.responses).filter((status) => /^2/.test(status)).sort();
  for (const status of statuses) {
    const content = operation.responses[status]!.content;
    const media = Object.keys(content).find((type) => /json/i.test(type));
    if (media !== undefined) return content[media]!.schema;
  }
  return undefined;
}

/** The schema of property `name`, looking through `allOf`/`anyOf`/`oneOf` branches. */
function propertyOf(schema: JsonSchema | undefined, name: string, seen = new Set<object>()): JsonSchema | undefined {
  if (!isSchemaObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  const properties = schema.properties;
  if (isSchemaObject(properties) && properties[name] !== undefined) return properties[name] as JsonSchema;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches as JsonSchema[]) {
      const found = propertyOf(branch, name, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where the create response keeps the new item's id: `data.ulid`, `data.id` or at the top. */
function inferredIdPointer(family: ResourceFamily): string | undefined {
  const create = family.operations.create;
  if (create === undefined) return undefined;
  const schema = successSchema(create);
  const itemSchema = family.itemPath === undefined ? undefined
    : create.parameters.find((parameter) => parameter.name === family.itemParam)?.schema
      ?? family.operations.read?.parameters.find((parameter) => parameter.name === family.itemParam)?.schema;
  const wantsInteger = isSchemaObject(itemSchema) && (itemSchema.type === 'integer' || (Array.isArray(itemSchema.type) && itemSchema.type.includes('integer')));
  const keys = wantsInteger ? ['id', ...ID_KEYS.filter((key) => key !== 'id')] : ID_KEYS;
  const data = propertyOf(schema, 'data');
  for (const [holder, prefix] of [[data, '/data'], [schema, '']] as const) {
    for (const key of keys) if (propertyOf(holder, key) !== undefined) return `${prefix}/${key}`;
  }
  return undefined;
}

interface LinkObject {
  operationId?: string;
  operationRef?: string;
  parameters?: Record<string, unknown>;
}

/** Links of the create operation's success responses, read from the document. */
function createLinks(family: ResourceFamily, spec: SpecLike): LinkObject[] {
  const create = family.operations.create;
  if (create === undefined || spec.document === undefined) return [];
  const links: LinkObject[] = [];
  for (const [status, response] of Object.entries(create.responses)) {
    if (!/^2/.test(status)) continue;
    const object = at(spec.document, response.pointer);
    const declared = isSchemaObject(object) ? object.links : undefined;
    if (!isSchemaObject(declared)) continue;
    for (const link of Object.values(declared)) {
      const resolved = isSchemaObject(link) && typeof link.$ref === 'string' ? at(spec.document, link.$ref) : link;
      if (isSchemaObject(resolved)) links.push(resolved as LinkObject);
    }
  }
  return links;
}

function linkedIdPointer(family: ResourceFamily, spec: SpecLike): string | undefined {
  if (family.itemParam === undefined) return undefined;
  for (const link of createLinks(family, spec)) {
    const expression = link.parameters?.[family.itemParam] ?? link.parameters?.[`path.${family.itemParam}`];
    const match = typeof expression === 'string' ? /^\$response\.body#(\/.*)$/.exec(expression) : null;
    if (match) return match[1];
  }
  return undefined;
}

function linkedOperations(family: ResourceFamily, spec: SpecLike & { operations: readonly OperationModel[] }): OperationModel[] {
  const out: OperationModel[] = [];
  for (const link of createLinks(family, spec)) {
    const target = spec.operations.find((operation) =>
      (link.operationId !== undefined && operation.operationId === link.operationId)
      || (link.operationRef !== undefined && link.operationRef === `#${operation.pointer.replace(/^#/, '')}`));
    if (target !== undefined && !out.includes(target)) out.push(target);
  }
  return out;
}

/** The value at a JSON pointer (`#/paths/~1tickets/post`) of a document. */
function at(document: unknown, pointer: string): unknown {
  const path = pointer.replace(/^#/, '');
  if (path === '') return document;
  let node: unknown = document;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
