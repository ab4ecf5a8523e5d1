// Whether the refusal of a valid request is explained by references the run could not ground:
// a made-up id (no harvested value for its resource) may name nothing, and a server rightly
// answers it with 404, or 422 naming that field. Any other refusal is still the server's.

import type { ReceivedResponse } from '../exchange.js';
import type { UngroundedReference } from './context.js';
import { isPlainObject } from './_internals/excerpt.js';

/** Why the refusal is no finding ("refers to a channel the run could not find (body channel)"), or undefined. */
export function ungroundedRefusal(response: ReceivedResponse, ungrounded: readonly UngroundedReference[] | undefined): string | undefined {
  if (ungrounded === undefined || ungrounded.length === 0) return undefined;
  if (response.status === 404) return refersTo(ungrounded);
  if (response.status !== 422) return undefined;
  const fields = errorFields(response);
  const named = ungrounded.filter((reference) => fields.some((field) => sameField(field, laravelField(reference.path))));
  return named.length > 0 ? refersTo(named) : undefined;
}

/** The keys of a 422 body's "errors" object, Laravel-style (`filter.channel_ulids`, `tag_ulids.0`). */
function errorFields(response: ReceivedResponse): string[] {
  const body = response.json.kind === 'json' ? response.json.value : undefined;
  const errors = isPlainObject(body) ? body.errors : undefined;
  return isPlainObject(errors) ? Object.keys(errors).map(laravelField) : [];
}

/** The error key names the reference, something inside it (`tag_ulids.1` for `tag_ulids`) or what holds it. */
function sameField(key: string, field: string): boolean {
  return key === field || key.startsWith(`${field}.`) || field.startsWith(`${key}.`);
}

function refersTo(references: readonly UngroundedReference[]): string {
  const resources = [...new Set(references.map((reference) => reference.resource))].map(withArticle);
  const where = references.map((reference) => `${reference.location} ${reference.path}`).join(', ');
  const list = resources.length === 1 ? resources[0]! : `${resources.slice(0, -1).join(', ')} and ${resources[resources.length - 1]!}`;
  return `refers to ${list} the run could not find (${where})`;
}

function withArticle(resource: string): string {
  const words = resource.replace(/_/g, ' ');
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** `filter[channel_ulids]` → `filter.channel_ulids`, as Laravel names query fields. */
function laravelField(path: string): string {
  return path.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}
