// The entry point of core/spec: a file in, the indexed and validated document out.
//
//   parse (YAML/JSON, lines kept) → check it is OpenAPI 3.1 with paths → normalize 3.0 habits
//   → check every $ref → index operations → validators (compiled lazily, cached)
//
// Any reason the document cannot be used is a SpecError (one sentence, exit code 2 in the CLI);
// anything it could use after reading it leniently is a warning.

import type { OpenAPIV3_1 } from 'openapi-types';
import { createAjv, isCheckedFormat } from './ajv.js';
import { SchemaDereferencer } from './dereference-schema.js';
import { specErrorAt } from './errors.js';
import { indexOperations } from './index-operations.js';
import type { OperationModel, SpecWarning } from './model.js';
import { normalizeDocument } from './normalize.js';
import { normalizeOperationKey } from './operation-key.js';
import { parseSpecFile, parseSpecText, type ParsedSpec } from './parse.js';
import { checkReferences } from './refs.js';
import { createValidators, type SpecValidators } from './validators.js';

export interface Spec {
  /** The file as given. */
  file: string;
  /** The document after normalization (3.0 habits rewritten); what the validators compile from. */
  document: OpenAPIV3_1.Document;
  /** Every operation, in document order. */
  operations: OperationModel[];
  /** The operation with this key ("POST /tickets"; method case and extra spaces forgiven), or undefined. */
  operation(key: string): OperationModel | undefined;
  /** What was read leniently: 3.0 habits rewritten, formats or patterns not checked. Empty for a clean 3.1 document. */
  warnings: SpecWarning[];
  validators: SpecValidators;
  /** `file:line:col` of a JSON pointer of the source, for messages; `file` alone when unknown. */
  where(pointer: string): string;
}

/** Loads an OpenAPI 3.1 document (YAML or JSON) from a file. Throws SpecError when it cannot be used. */
export function loadSpec(file: string): Spec {
  return buildSpec(parseSpecFile(file));
}

/** Same as loadSpec for a document already in memory; `file` names it in messages. */
export function loadSpecText(text: string, file: string): Spec {
  return buildSpec(parseSpecText(text, file));
}

function buildSpec(source: ParsedSpec): Spec {
  const root = checkOpenApi31(source);
  const ajv = createAjv();
  const normalized = normalizeDocument(root, {
    where: source.where,
    isCheckedFormat: (name) => isCheckedFormat(ajv, name),
  });
  for (const name of normalized.uncheckedFormats) ajv.addFormat(name, true);

  const { document } = normalized;
  checkReferences(document, source);
  const operations = indexOperations(document, source, new SchemaDereferencer(document, source));
  const byKey = new Map(operations.map((operation) => [operation.key, operation]));

  return {
    file: source.file,
    document: document as unknown as OpenAPIV3_1.Document,
    operations,
    operation: (key) => byKey.get(key) ?? byKey.get(normalizeOperationKey(key)),
    warnings: normalized.warnings,
    validators: createValidators(ajv, document, operations, source),
    where: source.where,
  };
}

/** The root object, once it is known to be an OpenAPI 3.1.x document with paths. */
function checkOpenApi31(source: ParsedSpec): Record<string, unknown> {
  const root = source.data;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw specErrorAt(source, '#', 'not an OpenAPI document: the top level is not a map of fields');
  }
  const document = root as Record<string, unknown>;
  if (document.swagger !== undefined) {
    throw specErrorAt(source, '#/swagger', `the document is Swagger ${String(document.swagger)}, but only OpenAPI 3.1 is supported`);
  }
  const version = document.openapi;
  if (version === undefined) {
    throw specErrorAt(source, '#', 'not an OpenAPI document: it has no "openapi" version field');
  }
  if (typeof version !== 'string' || !/^3\.1\.\d+(-.+)?$/.test(version)) {
    throw specErrorAt(source, '#/openapi', `the document is OpenAPI ${String(version)}, but only OpenAPI 3.1 is supported`);
  }
  const paths = document.paths;
  if (paths === undefined) throw specErrorAt(source, '#', 'the document has no "paths": there are no operations to test');
  if (typeof paths !== 'object' || paths === null || Array.isArray(paths)) {
    throw specErrorAt(source, '#/paths', '"paths" must be a map of paths to path items');
  }
  return document;
}
