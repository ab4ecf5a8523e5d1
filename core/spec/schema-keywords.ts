// Where JSON Schema keeps subschemas (2020-12, plus the older spellings vendors still write).
// Everything else in a schema is data or an annotation and is never walked into.

/** Keywords whose value is a map from names or patterns to schemas. */
export const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'] as const;

/** Keywords whose value is one schema (or, for old tuple-form `items`, a list of them). */
export const SCHEMA_SINGLE_KEYWORDS = [
  'additionalProperties', 'items', 'additionalItems', 'unevaluatedItems', 'unevaluatedProperties', 'contains',
  'propertyNames', 'not', 'if', 'then', 'else', 'contentSchema',
] as const;

/** Keywords whose value is a list of schemas. */
export const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
