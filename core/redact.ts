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

/** How many trailing characters `alteredToken` changes. */
export const ALTERED_TAIL = 4;

/**
 * The token with its last `ALTERED_TAIL` characters each replaced by another of the same kind
 * (digit, lower- or upper-case letter): same length, same `<id>|` part, a secret that no longer
 * matches. The redactor hides what stays of the real token; undefined when the token is too short.
 */
export function alteredToken(token: string): string | undefined {
  if (token.length < ALTERED_TAIL + 8) return undefined;
  const tail = [...token.slice(-ALTERED_TAIL)].map((char) => {
    if (/[0-9]/.test(char)) return String((Number(char) + 1) % 10);
    if (/[a-z]/.test(char)) return String.fromCharCode(((char.charCodeAt(0) - 97 + 1) % 26) + 97);
    if (/[A-Z]/.test(char)) return String.fromCharCode(((char.charCodeAt(0) - 65 + 1) % 26) + 65);
    return char === 'x' ? 'y' : 'x';
  });
  return token.slice(0, -ALTERED_TAIL) + tail.join('');
}

export function createRedactor(profile: Pick<Profile, 'tokens'>): Redactor {
  const replacements: Array<[string, string]> = [];
  for (const { role, token } of profileTokens(profile)) {
    const label = `<redacted:${role}>`;
    const forms = new Set([token, encodeURIComponent(token)]);
    // Sanctum tokens are `<id>|<secret>`; the secret alone is as sensitive as the whole.
    const secret = token.includes('|') ? token.slice(token.indexOf('|') + 1) : '';
    if (secret.length >= 8) forms.add(secret);
    // A probe may send the token with its last characters altered (`alteredToken`): what stays
    // of the real one is as sensitive as the whole, so the head without those is redacted too.
    if (token.length >= ALTERED_TAIL + 8) forms.add(token.slice(0, -ALTERED_TAIL));
    if (secret.length >= ALTERED_TAIL + 8) forms.add(secret.slice(0, -ALTERED_TAIL));
    for (const form of forms) replacements.push([form, label]);
  }
  // Longest first, so a token is replaced whole before its secret part is looked for.
  replacements.sort((a, b) => b[0].length - a[0].length);
  return (text) => replacements.reduce((result, [secret, label]) => result.split(secret).join(label), text);
}
