// Options are checked when an arbitrary is built, and a bad one is one plain sentence.

import type { InvalidKind, InvalidValueOptions, ValueOptions } from '../types.js';
import { INVALID_KINDS } from '../types.js';
import type { BuilderOptions } from './value-builder.js';

export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

const VALUE_OPTION_NAMES = new Set([
  'resolveRef', 'maxDepth', 'unusualStrings', 'whitespaceOnly', 'typicalLength', 'direction', 'name', 'extraProperties', 'fieldValue',
]);

export function builderOptions(arbitrary: string, options: ValueOptions, extraNames: readonly string[] = []): BuilderOptions {
  if (typeof options !== 'object' || options === null) throw new OptionError(`${arbitrary}: options must be an object.`);
  for (const name of Object.keys(options)) {
    if (!VALUE_OPTION_NAMES.has(name) && !extraNames.includes(name)) throw new OptionError(`${arbitrary}: unknown option ${JSON.stringify(name)}.`);
  }
  const { resolveRef, maxDepth = 4, unusualStrings = 0.25, whitespaceOnly = 'optional', typicalLength = 24, direction = 'request', extraProperties = false, fieldValue } = options;
  if (resolveRef !== undefined && typeof resolveRef !== 'function') throw new OptionError(`${arbitrary}: resolveRef must be a function from a $ref to a schema.`);
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new OptionError(`${arbitrary}: maxDepth must be a positive integer, got ${String(maxDepth)}.`);
  if (typeof unusualStrings !== 'number' || !(unusualStrings >= 0 && unusualStrings <= 1)) {
    throw new OptionError(`${arbitrary}: unusualStrings must be a number from 0 to 1, got ${String(unusualStrings)}.`);
  }
  if (!['optional', 'everywhere', 'never'].includes(whitespaceOnly)) {
    throw new OptionError(`${arbitrary}: whitespaceOnly must be "optional", "everywhere" or "never", got ${JSON.stringify(whitespaceOnly)}.`);
  }
  if (!Number.isInteger(typicalLength) || typicalLength < 1) throw new OptionError(`${arbitrary}: typicalLength must be a positive integer, got ${String(typicalLength)}.`);
  if (direction !== 'request' && direction !== 'response') throw new OptionError(`${arbitrary}: direction must be "request" or "response", got ${JSON.stringify(direction)}.`);
  if (typeof extraProperties !== 'boolean') throw new OptionError(`${arbitrary}: extraProperties must be true or false.`);
  if (fieldValue !== undefined && typeof fieldValue !== 'function') throw new OptionError(`${arbitrary}: fieldValue must be a function.`);
  if (options.name !== undefined && typeof options.name !== 'string') throw new OptionError(`${arbitrary}: name must be a string.`);
  return {
    resolveRef,
    maxDepth,
    unusualShare: unusualStrings,
    whitespaceOnly,
    typicalLength,
    typicalItems: Math.max(1, Math.min(3, typicalLength)),
    direction,
    extraProperties,
    fieldValue,
  };
}

export function checkKinds(arbitrary: string, options: InvalidValueOptions): readonly InvalidKind[] {
  const { kinds = INVALID_KINDS, breakRoot = true } = options;
  if (!Array.isArray(kinds) || kinds.length === 0) throw new OptionError(`${arbitrary}: kinds must be a non-empty list of invalid-case kinds.`);
  for (const kind of kinds) {
    if (!INVALID_KINDS.includes(kind)) throw new OptionError(`${arbitrary}: unknown kind ${JSON.stringify(kind)}; known kinds are ${INVALID_KINDS.join(', ')}.`);
  }
  if (typeof breakRoot !== 'boolean') throw new OptionError(`${arbitrary}: breakRoot must be true or false.`);
  return kinds;
}

export function checkSchema(arbitrary: string, schema: unknown): void {
  const ok = typeof schema === 'boolean' || (typeof schema === 'object' && schema !== null && !Array.isArray(schema));
  if (!ok) throw new OptionError(`${arbitrary}: the schema must be an object or a boolean, got ${Array.isArray(schema) ? 'an array' : JSON.stringify(schema)}.`);
}
