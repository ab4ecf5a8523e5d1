// Where JSON Schema 2020-12 keeps subschemas; every other keyword holds data or annotations.

export const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
export const SINGLE_KEYWORDS = new Set([
  'additionalProperties', 'items', 'additionalItems', 'unevaluatedItems', 'unevaluatedProperties', 'contains',
  'propertyNames', 'not', 'if', 'then', 'else', 'contentSchema',
]);
export const LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Keywords that choose among or combine subschemas; the builders flatten them away. */
export const COMBINATORS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'] as const;

/** Keywords that never change which values are valid. */
export const ANNOTATIONS = new Set([
  'title', 'description', 'default', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly', '$comment',
  '$id', '$schema', '$anchor', '$dynamicAnchor', '$vocabulary', 'discriminator', 'xml', 'externalDocs', 'nullable',
  'contentMediaType', 'contentEncoding', 'contentSchema', '$defs', 'definitions',
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}
