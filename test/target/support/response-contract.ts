// Checks a response against the response schema openapi.yaml documents for its operation and
// status, so every test also proves the target answers in the contract's shape.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

type Node = Record<string, unknown>;
const SPEC_PATH = fileURLToPath(new URL('../../../openapi.yaml', import.meta.url));
const ID = 'https://there-there.test/contract-check.json';

const document = parse(readFileSync(SPEC_PATH, 'utf8')) as Node;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
formatsPlugin.default(ajv);
for (const format of ['int32', 'int64']) ajv.addFormat(format, true);
ajv.addSchema(document, ID);

const paths = Object.keys(document.paths as Node).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  params: (template.match(/\{/g) ?? []).length,
}));
const cache = new Map<string, ValidateFunction | null>();

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function at(pointer: string): unknown {
  let node: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Node | undefined)?.[key];
  }
  return node;
}

/** The operation template a concrete `/api/...` path belongs to (literal segments win). */
export function templateOf(method: string, url: string): string | undefined {
  const path = (url.split('?', 1)[0] ?? '').replace(/^\/api/, '');
  const candidates = paths
    .filter((entry) => entry.pattern.test(path))
    .filter((entry) => (document.paths as Record<string, Node>)[entry.template]?.[method.toLowerCase()] !== undefined)
    .sort((a, b) => a.params - b.params);
  return candidates[0]?.template;
}

/** Why the body does not match the documented schema, or undefined when it does. */
export function contractProblem(method: string, url: string, status: number, body: unknown): string | undefined {
  const template = templateOf(method, url);
  if (template === undefined) return `no operation ${method} ${url} in openapi.yaml`;
  const key = `${method} ${template} ${status}`;
  if (!cache.has(key)) {
    let pointer = `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}`;
    let response = at(pointer) as Node | undefined;
    if (response === undefined) return `status ${status} is not documented for ${method} ${template}`;
    while (typeof response.$ref === 'string') {
      pointer = response.$ref;
      response = at(pointer) as Node;
    }
    const hasJson = (response.content as Node | undefined)?.['application/json'] !== undefined;
    cache.set(key, hasJson ? ajv.compile({ $ref: `${ID}${pointer}/content/application~1json/schema` }) : null);
  }
  const validate = cache.get(key);
  if (!validate) return body === undefined ? undefined : `${key} documents no body`;
  if (validate(body)) return undefined;
  return `${key}: ${ajv.errorsText(validate.errors)}`;
}
