// A well-formed ULID that names nothing: random, with a timestamp in 1970. For probes whose
// answer comes before any lookup (routing, authentication, the workspace header), so that a
// server that wrongly goes on finds nothing to change.

import { randomInt } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export function unusedUlid(): string {
  let text = '00';
  while (text.length < 26) text += CROCKFORD[randomInt(0, 32)];
  return text;
}
