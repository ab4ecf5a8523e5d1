import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { toCurl } from '../../core/curl.js';
import type { SentRequest } from '../../core/exchange.js';

const request = (overrides: Partial<SentRequest>): SentRequest => ({
  method: 'GET',
  url: 'http://127.0.0.1:4010/api/tickets?filter[status]=open,waiting',
  path: '/tickets',
  query: [['filter[status]', 'open,waiting']],
  headers: { accept: 'application/json' },
  auth: { kind: 'token', role: 'admin' },
  ...overrides,
});

/** What a POSIX shell makes of the command line: its words. */
function shellWords(command: string): string[] {
  const out = execFileSync('sh', ['-c', `for word in ${command}; do printf '%s\\0' "$word"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('prints a GET with its headers and the token as <redacted:role>', () => {
    assert.equal(
      toCurl(request({})),
      "curl -sS -i 'http://127.0.0.1:4010/api/tickets?filter[status]=open,waiting' -H 'Authorization: Bearer <redacted:admin>' -H 'Accept: application/json'",
    );
  });

  it('quotes bodies with quotes, newlines and shell metacharacters so the shell gives them back unchanged', () => {
    const body = `{"subject":"it's $HOME; \`rm -rf\` \\"x\\"\nline 2 ✓"}`;
    const command = toCurl(request({ method: 'POST', body, headers: { 'content-type': 'application/json', 'x-workspace-id': '1' } }));
    const words = shellWords(command);
    assert.equal(words.at(-1), body);
    assert.ok(words.includes('-X') && words.includes('POST'));
    assert.ok(words.includes('X-Workspace-Id: 1'));
  });

  it('prints a raw bad Authorization as sent, no token at all as nothing, and HEAD as --head', () => {
    assert.match(toCurl(request({ auth: { kind: 'raw', label: 'malformed', authorization: 'Bearer x y' } })), /-H 'Authorization: Bearer x y'/);
    assert.doesNotMatch(toCurl(request({ auth: { kind: 'none' } })), /Authorization/);
    assert.match(toCurl(request({ method: 'HEAD' })), /^curl -sS -i --head /);
  });
});
