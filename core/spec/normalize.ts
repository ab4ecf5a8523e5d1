// Real-world 3.1 documents carry OpenAPI 3.0 habits. This rewrites them, on a copy, into the
// JSON Schema 2020-12 that ajv and the generators read, and says what it did: each habit is
// one warning (with the first place and a count), never a crash and never a silent skip.
//
// - `nullable: true`            → `null` added to `type` (and to `enum`); without `type`,
//                                 `anyOf: [{type: null}, <the rest>]`.
// - `exclusiveMinimum: true`    → `exclusiveMinimum: <minimum>` (same for Maximum).
// - `example`, `x-...`          → kept as written; validators ignore them.
// - format unknown to ajv       → reported here, registered as "not checked" by the caller.
// - pattern ajv cannot compile  → identity escapes such as `\-` or `\_` unescaped when that
//                                 fixes it; otherwise the pattern is dropped with a warning.

import type { SpecWarning } from './model.js';
import { walkDocument } from './walk.js';

export interface NormalizeOptions {
  /** `file:line:col` of a pointer in the source, for warnings. */
  where(pointer: string): string;
  /** Whether the validator checks this format. */
  isCheckedFormat(name: string): boolean;
}

export interface NormalizedDocument {
  document: Record<string, unknown>;
  warnings: SpecWarning[];
  /** Format names the validator does not know; each already has its warning. */
  uncheckedFormats: string[];
}

interface Tally {
  pointer: string;
  count: number;
}

const DIALECT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

export function normalizeDocument(source: Record<string, unknown>, options: NormalizeOptions): NormalizedDocument {
  const document = structuredClone(source);
  const habits = new Map<'nullable' | 'exclusive-bound', Tally>();
  const unknownFormats = new Map<string, Tally>();
  const warnings: SpecWarning[] = [];
  const warn = (pointer: string, message: string): void => {
    warnings.push({ where: `${options.where(pointer)} ${pointer}`, message });
  };
  const tally = <K>(map: Map<K, Tally>, key: K, pointer: string): void => {
    const entry = map.get(key);
    if (entry) entry.count += 1;
    else map.set(key, { pointer, count: 1 });
  };

  const dialect = document.jsonSchemaDialect;
  if (dialect !== undefined && dialect !== DIALECT_2020_12 && dialect !== `${DIALECT_2020_12}#`) {
    warn('#/jsonSchemaDialect', `jsonSchemaDialect ${JSON.stringify(dialect)} is not JSON Schema 2020-12: schemas are read as 2020-12`);
  }

  walkDocument(document, {
    schema(schema, pointer) {
      if (rewriteNullable(schema)) tally(habits, 'nullable', pointer);
      if (rewriteExclusiveBounds(schema)) tally(habits, 'exclusive-bound', pointer);
      if (typeof schema.format === 'string' && !options.isCheckedFormat(schema.format)) {
        tally(unknownFormats, schema.format, `${pointer}/format`);
      }
      for (const dropped of repairPatterns(schema)) {
        warn(`${pointer}/${dropped.keyword}`, `pattern ${JSON.stringify(dropped.pattern)} is not a valid ECMAScript regular expression (${dropped.cause}): it is not checked`);
      }
    },
  });

  const nullable = habits.get('nullable');
  if (nullable) {
    warn(nullable.pointer, `\`nullable: true\` (OpenAPI 3.0) is read as a type union with null in ${plural(nullable.count, 'schema')}`);
  }
  const exclusive = habits.get('exclusive-bound');
  if (exclusive) {
    warn(exclusive.pointer, `boolean \`exclusiveMinimum\`/\`exclusiveMaximum\` (OpenAPI 3.0) is read as a numeric bound in ${plural(exclusive.count, 'schema')}`);
  }
  for (const [name, { pointer, count }] of unknownFormats) {
    warn(pointer, `format ${JSON.stringify(name)} is unknown to the validator: values of this format are not checked (${plural(count, 'schema')})`);
  }
  return { document, warnings, uncheckedFormats: [...unknownFormats.keys()] };
}

/** Returns whether the node held a `nullable: true` that changed its meaning. */
function rewriteNullable(schema: Record<string, unknown>): boolean {
  if (!Object.hasOwn(schema, 'nullable')) return false;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (nullable !== true) return false;

  const { type } = schema;
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = typeof type === 'string' ? [type] : type;
    if (!types.includes('null')) schema.type = [...types, 'null'];
    addNullToEnum(schema);
    return true;
  }
  if (type === undefined && Array.isArray(schema.enum) && Object.keys(schema).every((key) => !APPLICATORS.has(key))) {
    addNullToEnum(schema);
    return true;
  }
  // No `type` (typically `{nullable: true, allOf: [{$ref}]}` or `{$ref, nullable: true}`):
  // the rest of the schema becomes one branch of an anyOf with null.
  const rest = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [{ type: 'null' }, rest];
  return true;
}

const APPLICATORS = new Set(['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'const']);

function addNullToEnum(schema: Record<string, unknown>): void {
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

function rewriteExclusiveBounds(schema: Record<string, unknown>): boolean {
  let changed = false;
  for (const [exclusive, inclusive] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const flag = schema[exclusive];
    if (typeof flag !== 'boolean') continue;
    changed = true;
    delete schema[exclusive];
    if (flag && typeof schema[inclusive] === 'number') {
      schema[exclusive] = schema[inclusive];
      delete schema[inclusive];
    }
  }
  return changed;
}

interface DroppedPattern {
  keyword: string;
  pattern: string;
  cause: string;
}

function repairPatterns(schema: Record<string, unknown>): DroppedPattern[] {
  const dropped: DroppedPattern[] = [];
  if (typeof schema.pattern === 'string') {
    const repaired = compilablePattern(schema.pattern);
    if (typeof repaired === 'string') schema.pattern = repaired;
    else {
      dropped.push({ keyword: 'pattern', pattern: schema.pattern, cause: repaired.cause });
      delete schema.pattern;
    }
  }
  const patternProperties = schema.patternProperties;
  if (typeof patternProperties === 'object' && patternProperties !== null && !Array.isArray(patternProperties)) {
    const entries = Object.entries(patternProperties);
    const rebuilt: Record<string, unknown> = {};
    for (const [pattern, subschema] of entries) {
      const repaired = compilablePattern(pattern);
      if (typeof repaired === 'string') rebuilt[repaired] = subschema;
      else dropped.push({ keyword: 'patternProperties', pattern, cause: repaired.cause });
    }
    schema.patternProperties = rebuilt;
  }
  return dropped;
}

/** The pattern itself, a repaired equivalent, or why neither compiles with the `u` flag ajv uses. */
function compilablePattern(pattern: string): string | { cause: string } {
  const first = regexFailure(pattern);
  if (first === undefined) return pattern;
  const unescaped = withoutIdentityEscapes(pattern);
  return regexFailure(unescaped) === undefined ? unescaped : { cause: first };
}

function regexFailure(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

const SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

/** `\-`, `\_`, `\@` and the like mean the bare character without the `u` flag; with it they are errors. */
function withoutIdentityEscapes(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    const next = pattern[i + 1];
    if (char === '\\' && next !== undefined) {
      const keep = /[A-Za-z0-9]/.test(next) || SYNTAX_CHARACTERS.has(next) || (next === '-' && inClass);
      out += keep ? char + next : next;
      i += 1;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
