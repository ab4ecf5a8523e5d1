// Reads openapi.yaml once per file and indexes what the request pipeline needs per operation:
// the admin flag, the declared query parameters (filters, sort values) and compiled Ajv
// validators for the query and the JSON body. Fastify's own validation is not used at all.
import { readFileSync, statSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

type Node = Record<string, unknown>;

export interface QueryParameter {
  name: string;
  required: boolean;
  /** The parameter's schema with `$ref`s followed at the top level (to read type and default). */
  schema: Node;
}

export interface OperationContract {
  method: string;
  /** Path template relative to the server URL, e.g. `/tickets/{ticket}`. */
  path: string;
  adminOnly: boolean;
  query: QueryParameter[];
  /** Keys `x` of the declared `filter[x]` parameters. */
  filterKeys: string[];
  /** Allowed `sort` values when the operation declares `sort` with an enum. */
  sortValues: string[] | undefined;
  validateQuery: ValidateFunction;
  validateBody: ValidateFunction | undefined;
}

export interface Contract {
  operation(method: string, path: string): OperationContract | undefined;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const DOCUMENT_ID = 'https://there-there.test/openapi.json';
const cache = new Map<string, { mtimeMs: number; contract: Contract }>();

/** Thrown when the contract file cannot be read or parsed; the message is one sentence. */
export class ContractUnreadable extends Error {}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(document: Node, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Follows `$ref` chains; returns the node and the pointer where it really lives. */
function follow(document: Node, node: unknown, pointer: string): { node: Node; pointer: string } {
  let current = node;
  let at = pointer;
  for (let hops = 0; hops < 20 && isNode(current) && typeof current.$ref === 'string'; hops += 1) {
    at = current.$ref;
    current = lookup(document, at);
  }
  return { node: isNode(current) ? current : {}, pointer: at };
}

function indexOperation(ajv: Ajv2020, document: Node, path: string, method: string): OperationContract {
  const pathItemPointer = `#/paths/${escapePointer(path)}`;
  const pathItem = follow(document, lookup(document, pathItemPointer), pathItemPointer);
  const operationPointer = `${pathItem.pointer}/${method}`;
  const operation = follow(document, pathItem.node[method], operationPointer).node;

  const declared = new Map<string, { node: Node; pointer: string }>();
  const collect = (list: unknown, listPointer: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      const parameter = follow(document, item, `${listPointer}/${index}`);
      const key = `${String(parameter.node.in)}:${String(parameter.node.name)}`;
      declared.set(key, parameter);
    });
  };
  collect(pathItem.node.parameters, `${pathItem.pointer}/parameters`);
  collect(operation.parameters, `${operationPointer}/parameters`);

  const query: QueryParameter[] = [];
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const parameter of declared.values()) {
    if (parameter.node.in !== 'query') continue;
    const name = String(parameter.node.name);
    const schemaPointer = `${parameter.pointer}/schema`;
    const schema = follow(document, parameter.node.schema, schemaPointer).node;
    query.push({ name, required: parameter.node.required === true, schema });
    properties[name] = { $ref: `${DOCUMENT_ID}${schemaPointer}` };
    if (parameter.node.required === true) required.push(name);
  }

  const filterKeys = query
    .map((parameter) => /^filter\[(.+)\]$/.exec(parameter.name)?.[1])
    .filter((key): key is string => key !== undefined);
  const sort = query.find((parameter) => parameter.name === 'sort');
  const sortEnum = sort ? sortEnumOf(document, sort.schema) : undefined;

  let validateBody: ValidateFunction | undefined;
  const body = follow(document, operation.requestBody, `${operationPointer}/requestBody`);
  const media = isNode(body.node.content) ? body.node.content['application/json'] : undefined;
  if (isNode(media) && media.schema !== undefined) {
    const schemaPointer = `${body.pointer}/content/application~1json/schema`;
    validateBody = ajv.compile({ $ref: `${DOCUMENT_ID}${schemaPointer}` });
  }

  return {
    method: method.toUpperCase(),
    path,
    adminOnly: operation['x-admin-only'] === true,
    query,
    filterKeys,
    sortValues: sortEnum,
    validateQuery: ajv.compile({ type: 'object', properties, required }),
    validateBody,
  };
}

function sortEnumOf(document: Node, schema: Node): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  for (const key of ['anyOf', 'oneOf']) {
    const options = schema[key];
    if (!Array.isArray(options)) continue;
    const values = options.flatMap((option) => sortEnumOf(document, follow(document, option, '').node) ?? []);
    if (values.length > 0) return values;
  }
  return undefined;
}

function build(specPath: string): Contract {
  let document: unknown;
  try {
    document = parse(readFileSync(specPath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ContractUnreadable(`The contract ${specPath} cannot be read (${reason}).`);
  }
  if (!isNode(document) || !isNode(document.paths)) {
    throw new ContractUnreadable(`The contract ${specPath} has no paths.`);
  }
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    validateSchema: false,
    verbose: true,
    logger: false,
  });
  // ajv-formats is CommonJS: its default export carries itself as `.default` too.
  formatsPlugin.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'password', 'html', 'markdown', 'ulid']) {
    ajv.addFormat(format, true);
  }
  ajv.addSchema(document, DOCUMENT_ID);

  const operations = new Map<string, OperationContract>();
  const doc = document;
  for (const [rawPath, item] of Object.entries(document.paths)) {
    if (!isNode(item)) continue;
    const path = rawPath.startsWith('/api/') ? rawPath.slice(4) : rawPath;
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const operation = indexOperation(ajv, doc, rawPath, method);
      operations.set(`${method.toUpperCase()} ${path}`, { ...operation, path });
    }
  }
  return { operation: (method, path) => operations.get(`${method.toUpperCase()} ${path}`) };
}

/** The contract of `specPath`, built once per file version. */
export function loadContract(specPath: string): Contract {
  let mtimeMs = -1;
  try {
    mtimeMs = statSync(specPath).mtimeMs;
  } catch {
    throw new ContractUnreadable(`The contract ${specPath} does not exist.`);
  }
  const cached = cache.get(specPath);
  if (cached && cached.mtimeMs === mtimeMs) return cached.contract;
  const contract = build(specPath);
  cache.set(specPath, { mtimeMs, contract });
  return contract;
}
