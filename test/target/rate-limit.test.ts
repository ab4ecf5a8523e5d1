// The per-token fixed-window rate limit, with a small limit and a one-second window.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTarget, type Client } from './support/client.js';

const LIMIT = 3;
let client: Client;

before(async () => {
  client = await startTarget({ rateLimit: { limit: LIMIT, windowSeconds: 1 } });
});
after(async () => {
  await client.close();
});

describe('rate limit', () => {
  it('counts down, refuses the request over the limit, spares other tokens and recovers', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i += 1) {
      const answer = await client.get('admin', '/me');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['x-ratelimit-limit'], String(LIMIT));
      remaining.push(String(answer.headers['x-ratelimit-remaining']));
    }
    assert.deepEqual(remaining, ['2', '1', '0']);

    const refused = await client.get('admin', '/me');
    assert.equal(refused.status, 429);
    assert.deepEqual(refused.body, { message: 'Too Many Attempts.' });
    assert.equal(refused.headers['x-ratelimit-remaining'], '0');
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 1, `Retry-After ${refused.headers['retry-after']}`);

    const other = await client.get('member', '/me');
    assert.equal(other.status, 200);
    assert.equal(other.headers['x-ratelimit-remaining'], String(LIMIT - 1));

    await sleep(retryAfter * 1000 + 100);
    const again = await client.get('admin', '/me');
    assert.equal(again.status, 200);
    assert.equal(again.headers['x-ratelimit-remaining'], String(LIMIT - 1));
  });

  it('counts every request, 404s and validation errors included', async () => {
    await sleep(1100);
    const answers = [
      await client.get('pool1', '/nope'),
      await client.get('pool1', '/tickets?per_page=0'),
      await client.get('pool1', '/tickets/01jzzzzzzzzzzzzzzzzzzzzzzz'),
    ];
    assert.deepEqual(answers.map((a) => a.status), [404, 422, 404]);
    assert.deepEqual(answers.map((a) => a.headers['x-ratelimit-remaining']), ['2', '1', '0']);
    assert.equal((await client.get('pool1', '/me')).status, 429);
  });

  it('counts unauthenticated requests per client address and still answers 401 first', async () => {
    const answers = [];
    for (let i = 0; i < LIMIT + 2; i += 1) answers.push(await client.get(null, '/me'));
    assert.ok(answers.every((a) => a.status === 401));
    assert.deepEqual(answers.map((a) => a.headers['x-ratelimit-remaining']), ['2', '1', '0', '0', '0']);
    assert.equal((await client.get('pool2', '/me')).status, 200);
  });
});
