// The fault catalogue: for every fault a witness, a request whose answer shows the deviation the
// fault describes on a target with that fault alone, while the same request on the clean target
// shows nothing and conforms to openapi.yaml. Plus the catalogue's own rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildApp, type TargetOptions } from '../../target/app.js';
import { activeFaults, UnknownFaultError } from '../../target/faults/active.js';
import { FAULTS } from '../../target/faults/catalogue.js';
import { contractProblem, templateOf } from './support/response-contract.js';
import { TOKENS, type Role } from './support/tokens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The check ids of DESIGN.md ("add more, never rename"). */
const DESIGN_CHECK_IDS = [
  'status-documented', 'content-type', 'response-schema', 'response-headers', 'envelope',
  'no-server-error', 'error-body', 'validation-error-format', 'validation-error-fields',
  'negative-rejected', 'positive-accepted', 'pagination-links', 'pagination-traversal',
  'pagination-bounds', 'filter-semantics', 'sort-order', 'auth-required', 'auth-invalid-token',
  'workspace-header', 'workspace-isolation', 'role-permissions', 'rate-limit-burst',
  'rate-limit-retry-after', 'rate-limit-isolation', 'rate-limit-recovery', 'rate-limit-headers',
  'read-after-write', 'update-persisted', 'use-after-delete', 'create-visible-in-list',
  'unsupported-method', 'unknown-route',
];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  // Parsed JSON of any shape (or the text when it is not JSON): the witnesses say what they expect.
  body: any;
}

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends requests to one app; on the clean app every answer must also conform to the contract. */
interface Probe {
  call(role: Role | null, method: string, path: string, options?: CallOptions): Promise<Answer>;
  get(role: Role | null, path: string, headers?: Record<string, string>): Promise<Answer>;
}

/** Shows the fault: a one-line account of the deviation, or undefined when the answer is right. */
interface Witness {
  options?: TargetOptions;
  run(probe: Probe): Promise<string | undefined>;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function probeOf(app: Awaited<ReturnType<typeof buildApp>>, strict: boolean): Probe {
  const call: Probe['call'] = async (role, method, path, options = {}) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (role !== null) headers.authorization = `Bearer ${TOKENS[role]}`;
    Object.assign(headers, options.headers);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const url = `/api${path}`;
    const response = await app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    const body = response.body === '' ? undefined : parse(response.body);
    if (strict) {
      const global = response.statusCode === 405 || (response.statusCode === 404 && templateOf(method, url) === undefined);
      const problem = global ? undefined : contractProblem(method, url, response.statusCode, body);
      assert.equal(problem, undefined, `clean target: ${method} ${path} answered outside the contract: ${problem}`);
      if (response.statusCode !== 204) assert.match(String(response.headers['content-type']), /^application\/json/);
    }
    return { status: response.statusCode, headers: response.headers, body };
  };
  return { call, get: (role, path, headers) => call(role, 'GET', path, { headers }) };
}

const isJson = (answer: Answer): boolean => /^application\/json/.test(String(answer.headers['content-type'] ?? ''));
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const OFFSET_TIME = /[+-]\d{2}:\d{2}$/;

async function firstUlid(probe: Probe, role: Role, path: string): Promise<string> {
  const answer = await probe.get(role, path);
  const data = Array.isArray(answer.body) ? answer.body : answer.body?.data;
  const ulid = data?.[0]?.ulid;
  assert.equal(typeof ulid, 'string', `no item in ${path}`);
  return ulid as string;
}

async function channelUlid(probe: Probe): Promise<string> {
  return firstUlid(probe, 'admin', '/channels');
}

/** Consecutive pairs of a list that break an order; `before(a, b)` says a may come before b. */
function disorder<T>(items: T[], before: (a: T, b: T) => boolean): string | undefined {
  for (let i = 0; i + 1 < items.length; i += 1) {
    if (!before(items[i]!, items[i + 1]!)) return `item ${i} (${String(items[i])}) before item ${i + 1} (${String(items[i + 1])})`;
  }
  return undefined;
}

const WITNESSES: Record<string, Witness> = {
  // Envelopes and schemas
  'contact-null-without-name': {
    async run(probe) {
      for (const page of [1, 2]) {
        const answer = await probe.get('admin', `/tickets?per_page=100&page=${page}`);
        const bad = (answer.body.data as any[]).find((ticket) => ticket.contact === null);
        if (bad) return `ticket ${bad.number} has "contact": null`;
      }
      return undefined;
    },
  },
  'contact-id-as-string': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?per_page=5');
      const id = answer.body.data[0].id;
      return typeof id === 'number' ? undefined : `contact id is ${JSON.stringify(id)}`;
    },
  },
  'message-time-without-offset': {
    async run(probe) {
      const ulid = await firstUlid(probe, 'admin', '/tickets?per_page=1');
      const answer = await probe.get('admin', `/tickets/${ulid}`);
      const bad = (answer.body.data.messages as any[]).find((message) => !OFFSET_TIME.test(message.created_at));
      return bad ? `message created_at ${bad.created_at}` : undefined;
    },
  },
  'contact-nulls-dropped': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?per_page=100');
      const bad = (answer.body.data as any[]).find((contact) => !('notes' in contact) || !('avatar_url' in contact));
      return bad ? `contact ${bad.ulid} lacks notes or avatar_url` : undefined;
    },
  },
  'waiting-status-renamed': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[status]=waiting&per_page=5');
      const bad = (answer.body.data as any[]).find((ticket) => ticket.status !== 'waiting');
      return bad ? `status ${bad.status}` : undefined;
    },
  },
  'channel-list-bare-array': {
    async run(probe) {
      const answer = await probe.get('admin', '/channels');
      return Array.isArray(answer.body) ? 'the body is an array' : undefined;
    },
  },
  'tag-list-with-meta': {
    async run(probe) {
      const answer = await probe.get('admin', '/tags');
      return 'meta' in answer.body || 'links' in answer.body ? 'the tag list has meta/links' : undefined;
    },
  },
  'tag-double-wrapped': {
    async run(probe) {
      const ulid = await firstUlid(probe, 'admin', '/tags');
      const answer = await probe.get('admin', `/tags/${ulid}`);
      return answer.body.data.ulid === ulid ? undefined : `data is ${JSON.stringify(answer.body.data).slice(0, 60)}`;
    },
  },

  // Status codes
  'tag-create-200': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/tags', { body: { name: 'Witness tag', color: '#123456' } });
      return answer.status === 201 ? undefined : `status ${answer.status}`;
    },
  },
  'contact-validation-400': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/contacts', { body: { email: 'not-an-email' } });
      return answer.status === 422 ? undefined : `status ${answer.status}`;
    },
  },
  'method-not-allowed-500': {
    async run(probe) {
      const answer = await probe.call('admin', 'PATCH', '/tags');
      return answer.status === 405 && answer.headers.allow === 'GET, POST' ? undefined : `status ${answer.status}`;
    },
  },

  // The 422 body
  'validation-errors-array': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/tags', { body: {} });
      return Array.isArray(answer.body.errors) ? 'errors is an array' : undefined;
    },
  },
  'validation-message-missing': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/tags', { body: {} });
      return typeof answer.body.message === 'string' ? undefined : 'no message';
    },
  },
  'validation-keys-json-pointer': {
    async run(probe) {
      const body = { channel: await channelUlid(probe), subject: 'Hi', from_contact: { email: 'nope' }, message: { body: 'x' } };
      const answer = await probe.call('admin', 'POST', '/tickets', { body });
      const keys = Object.keys(answer.body.errors ?? {});
      return keys.includes('from_contact.email') ? undefined : `errors keys ${keys.join(', ')}`;
    },
  },
  'query-errors-unnamed': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?per_page=0');
      const keys = Object.keys(answer.body.errors ?? {});
      return keys.includes('per_page') ? undefined : `errors keys ${keys.join(', ')}`;
    },
  },

  // Pagination
  'page-offset-off-by-one': {
    async run(probe) {
      const all = (await probe.get('admin', '/contacts?per_page=100')).body.data as any[];
      const second = await probe.get('admin', '/contacts?per_page=10&page=2');
      return second.body.data[0]?.ulid === all[10].ulid ? undefined : `page 2 starts at ${second.body.meta.from}`;
    },
  },
  'ticket-total-ignores-filters': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[status]=spam&per_page=100');
      const { total } = answer.body.meta;
      return total === answer.body.data.length ? undefined : `total ${total} for ${answer.body.data.length} items`;
    },
  },
  'next-link-on-last-page': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?per_page=100');
      return answer.body.links.next === null ? undefined : `next ${answer.body.links.next}`;
    },
  },
  'links-drop-filters': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[status]=open&sort=created_at&per_page=5');
      const next = new URL(answer.body.links.next);
      const kept = next.searchParams.get('filter[status]') === 'open' && next.searchParams.get('sort') === 'created_at';
      return kept ? undefined : `next ${answer.body.links.next}`;
    },
  },
  'links-relative': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?per_page=5');
      return /^https?:\/\//.test(answer.body.links.first) ? undefined : `first ${answer.body.links.first}`;
    },
  },
  'per-page-max-not-enforced': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?per_page=101');
      return answer.status === 422 && 'per_page' in answer.body.errors ? undefined : `status ${answer.status}`;
    },
  },
  'page-past-end-repeats-last': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?page=99');
      return answer.body.data.length === 0 ? undefined : `${answer.body.data.length} items on page 99`;
    },
  },

  // Filters and sorts
  'status-filter-dropped-with-search': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[status]=open&filter[search]=a&per_page=100');
      const bad = (answer.body.data as any[]).find((ticket) => ticket.status !== 'open');
      return bad ? `a ${bad.status} ticket` : undefined;
    },
  },
  'closed-filter-leaks-spam': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[status]=closed&per_page=100');
      const bad = (answer.body.data as any[]).find((ticket) => ticket.status !== 'closed');
      return bad ? `a ${bad.status} ticket` : undefined;
    },
  },
  'unassigned-one-ignored': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[unassigned]=1&per_page=100');
      const bad = (answer.body.data as any[]).find((ticket) => ticket.assignee !== null);
      return bad ? `ticket ${bad.number} is assigned` : undefined;
    },
  },
  'contact-email-filter-ignored': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?filter[email]=example.org&per_page=100');
      const bad = (answer.body.data as any[]).find((contact) => !contact.email.includes('example.org'));
      return bad ? `contact ${bad.email}` : undefined;
    },
  },
  'contact-sort-descending-ignored': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?sort=-name&per_page=100');
      const names = (answer.body.data as any[]).map((contact) => contact.name).filter((name) => name !== null);
      return disorder(names, (a, b) => a >= b);
    },
  },
  'ticket-default-sort-ascending': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?per_page=100');
      return disorder((answer.body.data as any[]).map((ticket) => ticket.updated_at as string), (a, b) => a >= b);
    },
  },

  // Access
  'articles-without-auth': {
    async run(probe) {
      const brain = await firstUlid(probe, 'admin', '/brains');
      const answer = await probe.get(null, `/brains/${brain}/articles`);
      return answer.status === 401 ? undefined : `status ${answer.status} without a token`;
    },
  },
  'malformed-token-500': {
    async run(probe) {
      const answer = await probe.get(null, '/me', bearer('no-separator-here'));
      return answer.status === 401 ? undefined : `status ${answer.status}`;
    },
  },
  'token-secret-not-checked': {
    async run(probe) {
      const answer = await probe.get(null, '/me', bearer(`${TOKENS.admin.split('|')[0]}|not-the-secret`));
      return answer.status === 401 ? undefined : `status ${answer.status}`;
    },
  },
  'workspace-header-ignored': {
    async run(probe) {
      const answer = await probe.get('multi', '/me');
      return answer.status === 400 ? undefined : `status ${answer.status} without X-Workspace-Id`;
    },
  },
  'foreign-ticket-readable': {
    async run(probe) {
      const foreign = await firstUlid(probe, 'other', '/tickets?per_page=1');
      const answer = await probe.get('admin', `/tickets/${foreign}`);
      return answer.status === 404 ? undefined : `status ${answer.status}`;
    },
  },
  'contact-search-leaks-workspaces': {
    async run(probe) {
      const foreign = new Set(((await probe.get('other', '/contacts?per_page=100')).body.data as any[]).map((item) => item.ulid));
      const email = ((await probe.get('other', '/contacts?per_page=1')).body.data as any[])[0].email as string;
      const term = email.split('@')[1] ?? email;
      const answer = await probe.get('admin', `/contacts?filter[search]=${encodeURIComponent(term)}&per_page=100`);
      const leaked = (answer.body.data as any[]).filter((item) => foreign.has(item.ulid));
      return leaked.length > 0 ? `${leaked.length} foreign contacts` : undefined;
    },
  },
  'member-deletes-tags': {
    async run(probe) {
      const tag = await firstUlid(probe, 'admin', '/tags');
      const answer = await probe.call('member', 'DELETE', `/tags/${tag}`);
      return answer.status === 403 ? undefined : `status ${answer.status}`;
    },
  },
  'bad-request-error-key': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets?filter[colour]=red');
      return answer.status === 400 && typeof answer.body.message === 'string' ? undefined : JSON.stringify(answer.body);
    },
  },

  // Rate limiting
  'rate-limit-off': {
    options: { rateLimit: { limit: 3, windowSeconds: 60 } },
    async run(probe) {
      let last: Answer | undefined;
      for (let i = 0; i < 4; i += 1) last = await probe.get('admin', '/me');
      return last?.status === 429 ? undefined : `request 4 of 3 answered ${last?.status}`;
    },
  },
  'rate-limit-global': {
    options: { rateLimit: { limit: 3, windowSeconds: 60 } },
    async run(probe) {
      for (let i = 0; i < 3; i += 1) await probe.get('admin', '/me');
      const other = await probe.get('member', '/me');
      return other.status === 200 ? undefined : `another token answered ${other.status}`;
    },
  },
  'retry-after-missing': {
    options: { rateLimit: { limit: 1, windowSeconds: 60 } },
    async run(probe) {
      await probe.get('admin', '/me');
      const refused = await probe.get('admin', '/me');
      assert.equal(refused.status, 429);
      return refused.headers['retry-after'] === undefined ? 'no Retry-After' : undefined;
    },
  },
  'retry-after-too-short': {
    options: { rateLimit: { limit: 1, windowSeconds: 60 } },
    async run(probe) {
      await probe.get('admin', '/me');
      const refused = await probe.get('admin', '/me');
      const seconds = Number(refused.headers['retry-after']);
      return seconds >= 55 ? undefined : `Retry-After ${seconds} with about 60 s left`;
    },
  },
  'rate-remaining-frozen': {
    options: { rateLimit: { limit: 3, windowSeconds: 60 } },
    async run(probe) {
      await probe.get('admin', '/me');
      const second = await probe.get('admin', '/me');
      return second.headers['x-ratelimit-remaining'] === '1' ? undefined : `remaining ${second.headers['x-ratelimit-remaining']}`;
    },
  },
  'rate-lockout-outlasts-window': {
    options: { rateLimit: { limit: 1, windowSeconds: 1 } },
    async run(probe) {
      await probe.get('admin', '/me');
      const refused = await probe.get('admin', '/me');
      await sleep(Number(refused.headers['retry-after']) * 1000 + 50);
      const again = await probe.get('admin', '/me');
      return again.status === 200 ? undefined : `status ${again.status} after waiting Retry-After`;
    },
  },
  'rate-headers-missing-on-errors': {
    async run(probe) {
      const answer = await probe.get('admin', '/tickets/01h00000000000000000000000');
      return answer.headers['x-ratelimit-limit'] === undefined ? `a ${answer.status} without X-RateLimit-Limit` : undefined;
    },
  },

  // State
  'contact-update-not-saved': {
    async run(probe) {
      const ulid = await firstUlid(probe, 'admin', '/contacts?per_page=1');
      await probe.call('admin', 'PUT', `/contacts/${ulid}`, { body: { name: 'Renamed Witness' } });
      const read = await probe.get('admin', `/contacts/${ulid}`);
      return read.body.data.name === 'Renamed Witness' ? undefined : `name reads ${read.body.data.name}`;
    },
  },
  'quick-reply-delete-kept': {
    async run(probe) {
      const ulid = await firstUlid(probe, 'admin', '/quick-replies');
      const deleted = await probe.call('admin', 'DELETE', `/quick-replies/${ulid}`);
      assert.equal(deleted.status, 204);
      const read = await probe.get('admin', `/quick-replies/${ulid}`);
      return read.status === 404 ? undefined : `status ${read.status} after the delete`;
    },
  },
  'tag-list-cached': {
    async run(probe) {
      await probe.get('admin', '/tags');
      const created = await probe.call('admin', 'POST', '/tags', { body: { name: 'Cache witness', color: '#abcdef' } });
      const list = await probe.get('admin', '/tags');
      const seen = (list.body.data as any[]).some((tag) => tag.ulid === created.body.data.ulid);
      return seen ? undefined : 'the new tag is not listed';
    },
  },
  'tag-attach-not-saved': {
    async run(probe) {
      const tickets = (await probe.get('admin', '/tickets?per_page=100')).body.data as any[];
      const ticket = tickets.find((item) => item.tags.length === 0);
      const tag = await firstUlid(probe, 'admin', '/tags');
      const attached = await probe.call('admin', 'POST', `/tickets/${ticket.ulid}/tags/${tag}`);
      assert.ok((attached.body.data.tags as any[]).some((item) => item.ulid === tag), 'the answer lacks the tag');
      const read = await probe.get('admin', `/tickets/${ticket.ulid}`);
      return (read.body.data.tags as any[]).some((item) => item.ulid === tag) ? undefined : 'the tag is not on the ticket';
    },
  },
  'created-contact-other-ulid': {
    async run(probe) {
      const created = await probe.call('admin', 'POST', '/contacts', { body: { email: 'witness@example.com', name: 'Witness' } });
      const read = await probe.get('admin', `/contacts/${created.body.data.ulid}`);
      return read.status === 200 ? undefined : `status ${read.status} reading the created contact`;
    },
  },

  // Robustness
  'emoji-500': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/tags', { body: { name: 'Party 🎉', color: '#123456' } });
      return answer.status < 500 ? undefined : `status ${answer.status}`;
    },
  },
  'max-length-500': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/tags', { body: { name: 'x'.repeat(253), color: '#123456' } });
      return answer.status < 500 ? undefined : `status ${answer.status}`;
    },
  },
  'page-past-end-500': {
    async run(probe) {
      const answer = await probe.get('admin', '/contacts?page=99');
      return answer.status < 500 ? undefined : `status ${answer.status}`;
    },
  },
  'unknown-route-html': {
    async run(probe) {
      const answer = await probe.get('admin', '/no-such-things');
      return isJson(answer) ? undefined : `Content-Type ${answer.headers['content-type']}`;
    },
  },
  'members-text-html': {
    async run(probe) {
      const answer = await probe.get('admin', '/members');
      return isJson(answer) ? undefined : `Content-Type ${answer.headers['content-type']}`;
    },
  },
  'plus-email-rejected': {
    async run(probe) {
      const answer = await probe.call('admin', 'POST', '/contacts', { body: { email: 'ann+witness@example.com' } });
      return answer.status === 201 ? undefined : `status ${answer.status}`;
    },
  },
};

describe('fault catalogue', () => {
  it('has at least 45 faults with unique kebab-case ids, one-line descriptions and known areas', () => {
    assert.ok(FAULTS.length >= 45, `${FAULTS.length} faults`);
    const ids = FAULTS.map((fault) => fault.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate fault ids');
    for (const fault of FAULTS) {
      assert.match(fault.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, fault.id);
      assert.match(fault.description, /^[^\n]{10,200}$/, `${fault.id}: description`);
      assert.ok(fault.catches.length > 0, `${fault.id} names no check`);
    }
    const areas = new Set(FAULTS.map((fault) => fault.area));
    assert.equal(areas.size, 9, `areas: ${[...areas].join(', ')}`);
  });

  it('names only DESIGN check ids, and every DESIGN check id catches some fault', () => {
    for (const fault of FAULTS) {
      for (const id of fault.catches) assert.ok(DESIGN_CHECK_IDS.includes(id), `${fault.id}: unknown check id ${id}`);
    }
    const covered = new Set(FAULTS.flatMap((fault) => fault.catches));
    const missing = DESIGN_CHECK_IDS.filter((id) => !covered.has(id));
    assert.deepEqual(missing, [], `check ids no fault is expected to trip: ${missing.join(', ')}`);
  });

  it('has a witness for every fault and none for a fault it does not list', () => {
    assert.deepEqual(Object.keys(WITNESSES).sort(), FAULTS.map((fault) => fault.id).sort());
  });

  it('refuses an unknown fault id with one sentence', async () => {
    assert.throws(() => activeFaults(['no-such-fault']), (error: unknown) => {
      assert.ok(error instanceof UnknownFaultError);
      assert.match(error.message, /^Unknown fault "no-such-fault" \(known faults: [a-z0-9, -]+\)\.$/);
      return true;
    });
    await assert.rejects(buildApp({ faults: ['links-relative', 'nope'] }), UnknownFaultError);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'target/server.ts', '--port', '0', '--faults', 'nope'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Unknown fault "nope" \(known faults: [^\n]+\)\.\n$/);
  });
});

describe('fault witnesses: the fault shows, the clean target conforms', () => {
  for (const fault of FAULTS) {
    it(`${fault.id}: ${fault.description}`, async () => {
      const witness = WITNESSES[fault.id];
      assert.ok(witness, `no witness for ${fault.id}`);
      const options = { rateLimit: { limit: 1000, windowSeconds: 60 }, ...witness.options };
      const [faulty, clean] = await Promise.all([buildApp({ ...options, faults: [fault.id] }), buildApp(options)]);
      try {
        const [shown, cleanShown] = await Promise.all([witness.run(probeOf(faulty, false)), witness.run(probeOf(clean, true))]);
        assert.notEqual(shown, undefined, `${fault.id}: the witness does not show the fault`);
        assert.equal(cleanShown, undefined, `${fault.id}: the clean target shows the deviation (${cleanShown})`);
      } finally {
        await Promise.all([faulty.close(), clean.close()]);
      }
    });
  }
});
