// What an action does to the resource it acts on, read from the operation's `x-effect`
// extension (vocabulary in docs/contract-decisions.md), and whether a read of that resource
// shows it: a path parameter's value now in (or gone from) a list of the representation, a new
// entry of a list (a message) with the documented fields, a new activity entry of a type.
// A change that changes nothing (attaching a tag twice) must add no entry and no duplicate.

import type { Exchange } from '../../exchange.js';
import type { OperationModel } from '../../spec/model.js';
import { isPlainObject } from './excerpt.js';
import { itemKey } from './item-key.js';
import { resourceData } from './page-body.js';
import { covers, readBackFields, sentBody, shownValue, showsSent } from './read-back.js';
import { valuesAt } from './field-path.js';

export interface Effect {
  /** The path parameter naming the resource whose reads show the effect. */
  target: string;
  /** Representation path (through an array) → path parameter whose value it must hold. */
  contains: Record<string, string>;
  /** Representation path → path parameter whose value it must no longer hold. */
  excludes: Record<string, string>;
  /** A new entry the action appends: where, and fields it must have. */
  appends?: { to: string; fields: Record<string, unknown> };
  /** Representation path of the activity log and the type of entry the action adds. */
  activity?: { in: string; type: string };
}

export function effectOf(operation: OperationModel | undefined): Effect | undefined {
  const raw = operation?.extensions['x-effect'];
  if (!isPlainObject(raw) || typeof raw.target !== 'string') return undefined;
  const map = (value: unknown): Record<string, string> =>
    isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
  const appends = isPlainObject(raw.appends) && typeof raw.appends.to === 'string'
    ? { to: raw.appends.to, fields: isPlainObject(raw.appends.fields) ? raw.appends.fields : {} }
    : undefined;
  const activity = isPlainObject(raw.activity) && typeof raw.activity.type === 'string'
    ? { in: typeof raw.activity.in === 'string' ? raw.activity.in : 'activities[]', type: raw.activity.type }
    : undefined;
  return {
    target: raw.target,
    contains: map(raw.contains),
    excludes: map(raw.excludes),
    ...(appends === undefined ? {} : { appends }),
    ...(activity === undefined ? {} : { activity }),
  };
}

/** Path parameter values of a request, by name, from its template: `/tickets/{ticket}` ~ `/tickets/01hx`. */
export function pathParameters(exchange: Exchange): Record<string, string> {
  const template = exchange.request.pathTemplate ?? exchange.operation?.path;
  if (template === undefined) return {};
  const names = template.split('/');
  const values = (exchange.request.path.split('?')[0] ?? '').split('/');
  const found: Record<string, string> = {};
  names.forEach((segment, index) => {
    const match = /^\{(.+)\}$/.exec(segment);
    const value = values[index];
    if (match?.[1] !== undefined && value !== undefined) found[match[1]] = decodeURIComponent(value);
  });
  return found;
}

/** The key of the resource the action targets (lower-case ULID), for finding it in reads. */
export function targetKey(write: Exchange, effect: Effect): string | undefined {
  return pathParameters(write)[effect.target]?.toLowerCase();
}

/**
 * What `after` (a read of the target) lacks of the action's effect; `before` (a read just
 * before the action) tells whether the action changed anything at all.
 */
export function effectProblems(write: Exchange, effect: Effect, before: unknown, after: unknown, options: { stateOnly?: boolean } = {}): string[] {
  const params = pathParameters(write);
  const problems: string[] = [];
  // Whether the action changed anything: true, false, or undefined when the contract leaves the
  // activity of a no-op open (only attaching what is already there is documented: no entry).
  let changes: boolean | undefined = true;
  for (const [path, param] of Object.entries(effect.contains)) {
    const value = params[param]?.toLowerCase();
    if (value === undefined) continue;
    const held = valuesAt(after, path).filter((item) => typeof item === 'string' && item.toLowerCase() === value).length;
    if (held === 0) problems.push(`${path} lacks ${value}`);
    if (held > 1) problems.push(`${path} holds ${value} ${held} times`);
    if (before !== undefined && valuesAt(before, path).some((item) => typeof item === 'string' && item.toLowerCase() === value)) changes = false;
  }
  for (const [path, param] of Object.entries(effect.excludes)) {
    const value = params[param]?.toLowerCase();
    if (value === undefined) continue;
    if (valuesAt(after, path).some((item) => typeof item === 'string' && item.toLowerCase() === value)) problems.push(`${path} still holds ${value}`);
    if (before !== undefined && !valuesAt(before, path).some((item) => typeof item === 'string' && item.toLowerCase() === value)) changes = undefined;
  }
  const body = sentBody(write);
  const fieldUpdate = Object.keys(effect.contains).length === 0 && Object.keys(effect.excludes).length === 0 && effect.appends === undefined;
  if (body !== undefined && before !== undefined && fieldUpdate) {
    const differs = readBackFields(write.operation, body).some((field) => {
      const shown = shownValue(field, before);
      return shown === 'absent' || !showsSent(field, shown.value);
    });
    if (!differs) changes = undefined;
  }
  if (options.stateOnly === true) return problems;
  if (effect.appends !== undefined) {
    const created = resourceData(write);
    const key = itemKey(created);
    const entries = valuesAt(after, effect.appends.to);
    const entry = key === undefined ? undefined : entries.find((candidate) => itemKey(candidate) === key);
    if (key !== undefined && entry === undefined) problems.push(`${effect.appends.to} has no entry ${key}`);
    for (const [path, wanted] of Object.entries(effect.appends.fields)) {
      for (const [what, value] of [['the answer', created], ['the read', entry]] as const) {
        if (value === undefined) continue;
        const seen = valuesAt(value, path);
        if (!covers(wanted, seen[0], false)) problems.push(`${path} of the new entry in ${what} is ${JSON.stringify(seen[0] ?? null)}, not ${JSON.stringify(wanted)}`);
      }
    }
  }
  if (effect.activity !== undefined) {
    const count = (value: unknown): number => valuesAt(value, effect.activity?.in ?? '').filter((item) => isPlainObject(item) && item.type === effect.activity?.type).length;
    const now = count(after);
    if (before === undefined) {
      if (now === 0) problems.push(`no ${effect.activity.type} entry in ${effect.activity.in}`);
    } else {
      const added = now - count(before);
      if (changes === true && added < 1) problems.push(`no new ${effect.activity.type} entry in ${effect.activity.in}`);
      if (changes === false && added > 0) problems.push(`${added} new ${effect.activity.type} entr${added === 1 ? 'y' : 'ies'} for an action that changed nothing`);
    }
  }
  return problems;
}
