import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadProfile, ProfileError } from '../../core/profile.js';

const dir = mkdtempSync(join(tmpdir(), 'profile-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function profileFile(text: string): string {
  const file = join(dir, `p${(counter += 1)}.yaml`);
  writeFileSync(file, text);
  return file;
}

const VALID = `
name: staging
baseUrl: https://staging.example.com/api/
tokens:
  admin: \${TT_ADMIN}
  member: "2|member-\${TT_SUFFIX}"
  pool: ["\${TT_POOL_1}"]
workspaces: { a: 7, b: 9 }
rateLimit: { limit: 60, windowSeconds: 60 }
mode: read-only
`;
const ENV = { TT_ADMIN: '1|adminsecret', TT_SUFFIX: 'xyz', TT_POOL_1: '5|poolsecret' };

function problem(text: string, env: NodeJS.ProcessEnv = ENV): string {
  const file = profileFile(text);
  try {
    loadProfile(file, env);
  } catch (error) {
    assert.ok(error instanceof ProfileError, `not a ProfileError: ${String(error)}`);
    assert.ok(error.message.startsWith(`${file}: `), error.message);
    assert.ok(!error.message.includes('\n'), 'more than one line');
    return error.message.slice(file.length + 2);
  }
  assert.fail('the profile loaded');
}

describe('loadProfile', () => {
  it('loads the default local profile', () => {
    const profile = loadProfile(new URL('../../targets/local.yaml', import.meta.url).pathname, {});
    assert.equal(profile.name, 'local');
    assert.equal(profile.baseUrl, 'http://127.0.0.1:4010/api');
    assert.equal(profile.tokens.pool.length, 8);
    assert.deepEqual(profile.workspaces, { a: 1, b: 2 });
    assert.equal(profile.mode, 'full');
    assert.equal(profile.allowLoad, true);
  });

  it('substitutes ${ENV} anywhere in a value, trims the URL, and applies defaults', () => {
    const profile = loadProfile(profileFile(VALID), ENV);
    assert.equal(profile.tokens.admin, '1|adminsecret');
    assert.equal(profile.tokens.member, '2|member-xyz');
    assert.deepEqual(profile.tokens.pool, ['5|poolsecret']);
    assert.equal(profile.baseUrl, 'https://staging.example.com/api');
    assert.equal(profile.mode, 'read-only');
    assert.equal(profile.allowLoad, false);
    assert.equal(profile.tokens.other, undefined);
  });

  it('lets THERE_THERE_BASE_URL override the URL', () => {
    const profile = loadProfile(profileFile(VALID), { ...ENV, THERE_THERE_BASE_URL: 'http://proxy:8080/api/' });
    assert.equal(profile.baseUrl, 'http://proxy:8080/api');
    assert.match(problem(VALID, { ...ENV, THERE_THERE_BASE_URL: 'proxy' }), /^THERE_THERE_BASE_URL is not an http\(s\) URL/);
  });

  it('names a missing environment variable and where it is used', () => {
    assert.equal(
      problem(VALID, { TT_ADMIN: 'a', TT_POOL_1: 'p' }),
      'the environment variable TT_SUFFIX is not set (used in tokens.member).',
    );
    assert.match(problem(VALID, { ...ENV, TT_POOL_1: '' }), /TT_POOL_1 is not set \(used in tokens\.pool\[0\]\)/);
  });

  it('names the field of a bad shape', () => {
    assert.equal(problem('name: x\ntokens: { admin: a }\n'), 'baseUrl must be an http(s) URL.');
    assert.equal(problem('name: x\nbaseUrl: http://h\ntokens: {}\n'), 'tokens.admin is missing.');
    assert.match(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a, root: b }\n'), /^tokens\.root is not a token role/);
    assert.equal(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a, pool: [b, 3] }\n'), 'tokens.pool[1] must be a non-empty string.');
    assert.equal(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a }\nrateLimit: { limit: 0, windowSeconds: 60 }\n'), 'rateLimit.limit must be a positive integer.');
    assert.equal(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a }\nworkspaces: { a: one }\n'), 'workspaces.a must be a positive integer.');
    assert.equal(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a }\nmode: write\n'), 'mode must be "full" or "read-only".');
    assert.match(problem('name: x\nbaseUrl: http://h\ntokens: { admin: a }\nratelimit: {}\n'), /^ratelimit is not a profile field/);
    assert.equal(problem('- just\n- a list\n'), 'the profile must be a YAML mapping.');
  });

  it('names malformed YAML with its line, and an unreadable file', () => {
    assert.match(problem('name: x\nbaseUrl: [unclosed\n'), /^is not valid YAML \(line \d+\)/);
    assert.throws(() => loadProfile(join(dir, 'missing.yaml'), {}), /missing\.yaml: cannot be read \(no such file\)\./);
  });
});
