// Item fields named by paths as the contract's x- extensions write them: `status`,
// `channel.ulid`, `tags[].ulid` (every element of an array), `messages[].body_text`.

import { isPlainObject } from './excerpt.js';

/**
 * Every value `path` reaches in `value`. A missing member gives no value; `null` is a value
 * (so `assignee` of an unassigned ticket is [null], and `assignee.ulid` of it is []).
 */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const raw of path.split('.')) {
    const spread = raw.endsWith('[]');
    const name = spread ? raw.slice(0, -2) : raw;
    const next: unknown[] = [];
    for (const node of current) {
      if (!isPlainObject(node) || !(name in node)) continue;
      const member = node[name];
      if (spread) {
        if (Array.isArray(member)) next.push(...member);
      } else {
        next.push(member);
      }
    }
    current = next;
  }
  return current;
}

/** The one value `path` names (the first, for paths through arrays), or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  return valuesAt(value, path)[0];
}
