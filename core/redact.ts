// Removes every profile token from any text, whatever printed it: curl commands, rendered
// failures, reports, error messages of the HTTP library. Each token becomes `<redacted:ROLE>`.

import type { Profile } from './profile.js';

export type Redactor = (text: string) => string;

/** Every token of the profile with its role: `admin`, `member`, `other`, `multi`, `pool[i]`. */
export function profileTokens(profile: Pick<Profile, 'tokens'>): Array<{ role: string; token: string }> {
  const { admin, member, other, multi, pool } = profile.tokens;
  const named = Object.entries({ admin, member, other, multi })
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([role, token]) => ({ role, token }));
  return [...named, ...pool.map((token, index) => ({ role: `pool[${index}]`, token }))];
}

export function createRedactor(profile: Pick<Profile, 'tokens'>): Redactor {
  const replacements: Array<[string, string]> = [];
  for (const { role, token } of profileTokens(profile)) {
    const label = `<redacted:${role}>`;
    const forms = new Set([token, encodeURIComponent(token)]);
    // Sanctum tokens are `<id>|<secret>`; the secret alone is as sensitive as the whole.
    const secret = token.includes('|') ? token.slice(token.indexOf('|') + 1) : '';
    if (secret.length >= 8) forms.add(secret);
    for (const form of forms) replacements.push([form, label]);
  }
  // Longest first, so a token is replaced whole before its secret part is looked for.
  replacements.sort((a, b) => b[0].length - a[0].length);
  return (text) => replacements.reduce((result, [secret, label]) => result.split(secret).join(label), text);
}
