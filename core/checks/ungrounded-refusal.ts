// Whether the refusal of a valid request is explained by references the run could not ground:
// a made-up id (no harvested value for its resource) may name nothing, and a server rightly
// answers it with 404 (an id in the path) or 422 naming that field (an id in the body) and no
// other. Any other refusal is still the server's.

import type { ReceivedResponse } from '../exchange.js';
import type { UngroundedReference } from './context.js';
import { isPlainObject } from './_internals/excerpt.js';

/** Why the refusal is no finding ("refers to a channel the run could not find (body channel)"), or undefined. */
export function ungroundedRefusal(response: ReceivedResponse, ungrounded: readonly UngroundedReference[] | undefined): string | undefined {
  // A query value never excuses a refusal: the contract says an unknown id in a filter matches
  // nothing (an empty page), it is not an error.
  const references = (ungrounded ?? []).filter((reference) => reference.location !== 'query');
  if (references.length === 0) return undefined;
  // 404 is the answer to a path that names nothing; a made-up id in the body does not explain it.
  if (response.status === 404) {
    const inPath = references.filter((reference) => reference.location === 'path');
    return inPath.length > 0 ? refersTo(inPath) : undefined;
  }
  if (response.status !== 422) return undefined;
  const fields = errorFields(response);
  // Every field the 422 names must be a made-up reference: one more field is the server's refusal.
  const explained = (field: string): boolean => references.some((reference) => sameField(field, laravelField(reference.path)));
  if (fields.length === 0 || !fields.every(explained)) return undefined;
  return refersTo(references.filter((reference) => fields.some((field) => sameField(field, laravelField(reference.path)))));
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
