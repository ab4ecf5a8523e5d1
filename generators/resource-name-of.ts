// Which resource a parameter or field refers to, from its name: `{ticket}` → ticket,
// `channel_ulids` → channel, `filter[tag_ulids]` → tag, `assignee_ulid` → user. An
// `x-references` extension on the schema (or on an array's items) says it outright. Families
// and harvested ULIDs are keyed by the same names, so what a list response yields under
// "user" is what `{user}` and `assignee_ulid` receive.

import type { JsonSchema } from '../core/spec/model.js';

/** Names that mean another resource; the key is the name once suffixes and plurals are gone. */
const SYNONYMS: Readonly<Record<string, string>> = {
  assignee: 'user',
  assigned_user: 'user',
  assigned_to: 'user',
  owner: 'user',
  author: 'user',
  member: 'user',
  agent: 'user',
  creator: 'user',
  requester: 'contact',
  customer: 'contact',
  from_contact: 'contact',
  forwarded_from_message: 'message',
  inbox: 'channel',
  label: 'tag',
};

/** Field names that hold a reference without any `_ulid`/`_id` suffix. */
const BARE_REFERENCES = new Set(['channel', 'assignee', 'contact', 'team', 'tag', 'user', 'brain', 'ticket']);
const ID_SUFFIX = /_(ulids?|ids?|uuids?)$/;

/**
 * The resource `name` refers to, or undefined when it names no resource. `kind: 'path'` takes a
 * path parameter's name itself as the resource (`{savedTicketView}` → saved_ticket_view).
 */
export function resourceNameOf(name: string, schema?: JsonSchema, kind: 'path' | 'field' = 'field'): string | undefined {
  const declared = referenceOf(schema);
  if (declared !== undefined) return declared;
  let base = snakeCase(name.replace(/^filter\[(.+)\]$/, '$1'));
  const referencing = ID_SUFFIX.test(base);
  base = base.replace(ID_SUFFIX, '');
  if (base === '') return undefined;
  base = SYNONYMS[base] ?? singular(base);
  base = SYNONYMS[base] ?? base;
  if (kind === 'path' || referencing || BARE_REFERENCES.has(base)) return base;
  return undefined;
}

function referenceOf(schema: JsonSchema | undefined): string | undefined {
  if (typeof schema !== 'object') return undefined;
  const own = schema['x-references'];
  if (typeof own === 'string') return own;
  const items = schema.items;
  if (typeof items === 'object' && items !== null && typeof (items as Record<string, unknown>)['x-references'] === 'string') {
    return (items as Record<string, unknown>)['x-references'] as string;
  }
  return undefined;
}

/** `quickReply` → `quick_reply`, `saved-views` → `saved_views`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\s]+/g, '_').toLowerCase();
}

/** `replies` → `reply`, `channels` → `channel`, `statuses` → `status`, last word only. */
export function singular(name: string): string {
  const parts = name.split('_');
  const last = parts.pop() ?? '';
  let one = last;
  if (/ies$/.test(last)) one = `${last.slice(0, -3)}y`;
  else if (/(ss|us|x|ch|sh)es$/.test(last)) one = last.slice(0, -2);
  else if (/s$/.test(last) && !/(ss|us|is)$/.test(last)) one = last.slice(0, -1);
  return [...parts, one].join('_');
}
