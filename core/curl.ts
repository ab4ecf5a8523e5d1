// Any request as a shell-quoted curl command that reproduces it. Tokens never appear: a profile
// token is printed as `<redacted:ROLE>` (the reader substitutes their own), and the whole line
// still goes through the redactor in case a token hid in a URL or body.

import type { SentRequest } from './exchange.js';
import type { Redactor } from './redact.js';

export function toCurl(request: SentRequest, redact: Redactor = (text) => text): string {
  const parts = ['curl', '-sS', '-i'];
  const method = request.method.toUpperCase();
  if (method === 'HEAD') parts.push('--head');
  else if (method !== 'GET' || request.body !== undefined) parts.push('-X', method);
  parts.push(shellQuote(request.url));
  const { auth } = request;
  if (auth.kind === 'token') parts.push('-H', shellQuote(`Authorization: Bearer <redacted:${auth.role}>`));
  if (auth.kind === 'raw') parts.push('-H', shellQuote(`Authorization: ${auth.authorization}`));
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${headerCase(name)}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  return redact(parts.join(' '));
}

/** POSIX single quoting: safe for every byte but NUL. */
function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function headerCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());
}
