import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { toCurl } from '../../core/curl.js';
import type { Exchange } from '../../core/exchange.js';
import type { Finding } from '../../core/findings.js';
import { loadProfile } from '../../core/profile.js';
import { ALTERED_TAIL, alteredToken, createRedactor, profileTokens } from '../../core/redact.js';
import { renderFailure } from '../../core/render-failure.js';

const profile = loadProfile(new URL('../../targets/local.yaml', import.meta.url).pathname, {});
const redact = createRedactor(profile);
const tokens = profileTokens(profile);

function leaks(text: string): string[] {
  return tokens.filter(({ token }) => text.includes(token) || text.includes(token.split('|')[1] ?? token)).map(({ role }) => role);
}

describe('createRedactor', () => {
  it('knows every token of the profile', () => {
    assert.equal(tokens.length, 4 + profile.tokens.pool.length);
  });

  it('replaces each token, URL-encoded or not, and its secret part, with its role', () => {
    const admin = profile.tokens.admin;
    const text = `a ${admin} b ${encodeURIComponent(admin)} c ${admin.split('|')[1]} d ${profile.tokens.pool[7]}`;
    assert.equal(redact(text), 'a <redacted:admin> b <redacted:admin> c <redacted:admin> d <redacted:pool[7]>');
  });

  it('hides what an altered token keeps of the real one, in a curl line too', () => {
    for (const { role, token } of tokens) {
      const altered = alteredToken(token);
      assert.ok(altered !== undefined);
      assert.equal(altered.length, token.length);
      assert.equal(altered.split('|')[0], token.split('|')[0]);
      assert.notEqual(altered, token);
      [...altered.slice(-ALTERED_TAIL)].forEach((char, index) => assert.notEqual(char, token.slice(-ALTERED_TAIL)[index]));
      const line = redact(`Authorization: Bearer ${altered}`);
      assert.equal(line, `Authorization: Bearer <redacted:${role}>${altered.slice(-ALTERED_TAIL)}`);
      const secret = token.split('|')[1] ?? token;
      assert.ok(!line.includes(secret.slice(0, 8)), `${role}: no part of the secret is left`);
    }
  });

  it('leaves no token in any text that embeds tokens (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...tokens.map(({ token }) => token))), { maxLength: 12 }), (parts) => {
        assert.deepEqual(leaks(redact(parts.join(''))), []);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('leaves no token in a curl line or a rendered failure, even when the target echoed one', () => {
    const exchange: Exchange = {
      operationKey: 'GET /me',
      request: {
        method: 'GET',
        url: `http://127.0.0.1:4010/api/me?token=${encodeURIComponent(profile.tokens.member ?? '')}`,
        path: '/me',
        query: [],
        headers: { accept: 'application/json', 'x-debug': profile.tokens.other ?? '' },
        auth: { kind: 'token', role: 'multi' },
        body: JSON.stringify({ note: profile.tokens.pool[0] }),
      },
      response: {
        status: 500,
        headers: { 'content-type': 'application/json', 'x-echo': profile.tokens.multi ?? '' },
        bodyText: JSON.stringify({ message: `bad token ${profile.tokens.admin}` }),
        json: { kind: 'invalid', error: 'x' },
        durationMs: 1,
      },
      rateLimited: [],
      startedAt: 0,
    };
    const finding: Finding = {
      kind: 'failure',
      checkId: 'no-server-error',
      operationKey: 'GET /me',
      title: `server error with ${profile.tokens.admin}`,
      expected: 'a status below 500',
      actual: 'status 500',
      dedupKey: 'k',
      exchange,
    };
    const curl = toCurl(exchange.request, redact);
    assert.deepEqual(leaks(curl), []);
    assert.match(curl, /Bearer <redacted:multi>/);
    const rendered = renderFailure(finding, { redact });
    assert.deepEqual(leaks(rendered), []);
    assert.match(rendered, /<redacted:admin>/);
  });
});
