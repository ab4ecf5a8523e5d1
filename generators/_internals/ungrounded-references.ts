// Which values of a valid request name a resource the run context holds no such value for: a
// made-up id in a reference field (`channel`, `tag_ulids`, `filter[channel_ulids]`, `{ticket}`).
// A server rightly refuses such a value (422 "the selected channel is invalid", 404), so the
// request records them and checks do not blame the server for it. Optional ungrounded body
// references are left out instead: a made-up id only proves the server refuses what does not
// exist, and it hides whether the server accepts the rest of the body.

import type { JsonSchema, ParameterModel } from '../../core/spec/model.js';
import { resourceNameOf } from '../resource-name-of.js';
import type { RunContext, UngroundedReference } from '../types.js';
import { isPlainObject } from './json.js';
import type { Validate } from './schema-validator.js';

type KeyPath = ReadonlyArray<string | number>;

interface BodyReference {
  /** The object key that holds the reference (what leaving it out removes). */
  key: KeyPath;
  reference: UngroundedReference;
}

export class Grounding {
  /** Resource of each body property name the value builder met (`x-references` needs its schema). */
  private readonly fieldResources = new Map<string, string | undefined>();

  constructor(private readonly context: RunContext) {}

  /** Called for every property the builder fills: remembers whether its name refers to a resource. */
  noteField(name: string, schema: JsonSchema): void {
    if (!this.fieldResources.has(name)) this.fieldResources.set(name, resourceNameOf(name, schema, 'field'));
  }

  pathReferences(parameters: readonly ParameterModel[], values: Readonly<Record<string, string>>): UngroundedReference[] {
    const out: UngroundedReference[] = [];
    for (const parameter of parameters) {
      const value = values[parameter.name];
      const resource = resourceNameOf(parameter.name, parameter.schema, 'path');
      if (value === undefined || resource === undefined || this.grounded(value, resource)) continue;
      out.push({ location: 'path', path: parameter.name, resource });
    }
    return out;
  }

  queryReferences(values: ReadonlyArray<readonly [ParameterModel, unknown]>): UngroundedReference[] {
    const out: UngroundedReference[] = [];
    for (const [parameter, value] of values) {
      if (value === undefined) continue;
      const resource = resourceNameOf(parameter.name, parameter.schema, 'field');
      if (resource === undefined) continue;
      const items = Array.isArray(value) ? value : [value];
      if (items.some((item) => idLike(item) && !this.grounded(item, resource, parameter.name))) {
        out.push({ location: 'query', path: parameter.name, resource });
      }
    }
    return out;
  }

  /**
   * The body without its optional ungrounded references (left out only where the body stays
   * valid: a required one stays), and the ungrounded references that remain.
   */
  groundBody(body: unknown, validate: Validate): { body: unknown; ungrounded: UngroundedReference[] } {
    const found = this.bodyReferences(body, []);
    if (found.length === 0) return { body, ungrounded: [] };
    let kept = body;
    const ungrounded: UngroundedReference[] = [];
    for (const group of groupByKey(found)) {
      const without = withoutKey(kept, group[0]!.key);
      if (without !== undefined && validate(without)) kept = without;
      else ungrounded.push(...group.map((entry) => entry.reference));
    }
    return { body: kept, ungrounded };
  }

  private bodyReferences(value: unknown, at: KeyPath): BodyReference[] {
    if (Array.isArray(value)) return value.flatMap((item, index) => this.bodyReferences(item, [...at, index]));
    if (!isPlainObject(value)) return [];
    const out: BodyReference[] = [];
    for (const [name, field] of Object.entries(value)) {
      const key = [...at, name];
      const resource = this.fieldResources.get(name);
      if (resource !== undefined) {
        if (idLike(field) && !this.grounded(field, resource, name)) out.push({ key, reference: { location: 'body', path: key.join('.'), resource } });
        if (Array.isArray(field)) {
          field.forEach((item, index) => {
            if (idLike(item) && !this.grounded(item, resource, name)) out.push({ key, reference: { location: 'body', path: [...key, index].join('.'), resource } });
          });
        }
      }
      out.push(...this.bodyReferences(field, key));
    }
    return out;
  }

  /** The value is one the run context holds for the resource (or observed for the field). */
  private grounded(value: string | number, resource: string, name?: string): boolean {
    const observed = name === undefined ? [] : (this.context.observed?.[name] ?? []);
    const seen = [...(this.context.ulids?.[resource] ?? []), ...observed.flatMap((item) => (Array.isArray(item) ? item : [item]))];
    return seen.some((candidate) => String(candidate) === String(value));
  }
}

/** Strings and integers can be ids; null, booleans and objects name nothing. */
function idLike(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
}

function groupByKey(found: readonly BodyReference[]): BodyReference[][] {
  const groups = new Map<string, BodyReference[]>();
  for (const entry of found) {
    const id = JSON.stringify(entry.key);
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  return [...groups.values()];
}

/** A copy of `value` without the object key at `key`; undefined when the path leads nowhere. */
function withoutKey(value: unknown, key: KeyPath): unknown {
  const copy = structuredClone(value);
  let owner: unknown = copy;
  for (const step of key.slice(0, -1)) owner = (owner as Record<string | number, unknown> | undefined)?.[step];
  const last = key[key.length - 1];
  if (!isPlainObject(owner) || typeof last !== 'string' || !(last in owner)) return undefined;
  delete owner[last];
  return copy;
}
