import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKS } from '../../core/checks/registry.js';
import { findingsOf, runChecks } from '../../core/checks/run-checks.js';
import { FindingSet } from '../../core/findings.js';
import { createRedactor } from '../../core/redact.js';
import { renderFailure } from '../../core/render-failure.js';
import { terminalStyle } from '../../core/terminal-style.js';
import { context, exchange, thing } from './_support/check-fixtures.js';

const redact = createRedactor({ tokens: { admin: '1|adminSecretAAAAAAAA', pool: [] } });

function invalidAccepted() {
  const seen = exchange({
    op: 'POST /things',
    status: 201,
    body: { data: thing() },
    case: { validity: 'invalid', broken: { location: 'body', path: 'name', kind: 'too-long', expectedStatus: 422 }, replay: { seed: -1234, path: '12:0:3' } },
  });
  return { ...seen, request: { ...seen.request, body: '{"name":"xxxxxxxx"}', headers: { ...seen.request.headers, 'content-type': 'application/json' } } };
}

describe('renderFailure', () => {
  it('shows check id, operation, expected vs seen, the redacted curl, the response and the replay point', () => {
    const [finding] = findingsOf(runChecks(CHECKS, invalidAccepted(), context()));
    assert.ok(finding !== undefined);
    const text = renderFailure(finding, { redact });
    const lines = text.split('\n');
    assert.match(lines[0] ?? '', /^FAIL \[negative-rejected\] POST \/things: invalid request \(too-long at body name\) accepted: 201$/);
    assert.match(text, /^ {2}Expected: status 422$/m);
    assert.match(text, /^ {2}Seen: {5}status 201, body /m);
    assert.match(text, /^ {4}curl -sS -i -X POST http:\/\/127\.0\.0\.1:4010\/api\/things -H 'Authorization: Bearer <redacted:admin>' .* --data-raw '\{"name":"xxxxxxxx"\}'$/m);
    assert.match(text, /^ {2}Response: 201 \(3 ms\)$/m);
    assert.match(text, /^ {4}x-ratelimit-limit: 60$/m);
    assert.match(text, /^ {4}\{"data":\{"id":1,/m);
    assert.match(text, /^ {2}Replay: \{ seed: -1234, path: "12:0:3" \}$/m);
  });

  it('shows the count of a deduplicated finding, transport errors, and cuts long bodies', () => {
    const set = new FindingSet();
    const timeout = exchange({ op: 'GET /things', error: { kind: 'timeout', message: 'Timeout 10000ms exceeded.', durationMs: 10000.4 } });
    for (let index = 0; index < 3; index += 1) set.addAll(findingsOf(runChecks(CHECKS, timeout, context())));
    const [entry] = set.entries();
    assert.ok(entry !== undefined);
    const text = renderFailure(entry, { redact });
    assert.match(text, /\[response-received\] GET \/things: no complete response \(timeout\) \(seen 3 times\)/);
    assert.match(text, /Response: none: timeout after 10000 ms \(Timeout 10000ms exceeded\.\)/);

    const long = exchange({ op: 'GET /things', status: 500, body: 'x'.repeat(5000), headers: { 'content-type': 'text/plain' } });
    const [serverError] = findingsOf(runChecks(CHECKS, long, context()));
    assert.ok(serverError !== undefined);
    assert.match(renderFailure(serverError, { redact, bodyChars: 100 }), /… 4900 more characters/);
  });

  it('styles through the callback only: plain by default, ANSI for a terminal', () => {
    const [finding] = findingsOf(runChecks(CHECKS, invalidAccepted(), context()));
    assert.ok(finding !== undefined);
    const plain = renderFailure(finding, { redact });
    const coloured = renderFailure(finding, { redact, style: terminalStyle });
    assert.doesNotMatch(plain, /\u001b\[/);
    assert.match(coloured, /\u001b\[31mFAIL\u001b\[39m/);
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
  });

  it('marks a crashed check apart from a failure', () => {
    const crashing = { id: 'broken-check', description: 'x', run: () => { throw new Error('oops'); } };
    const [finding] = findingsOf(runChecks([crashing], exchange({ op: 'GET /things', body: { data: [] } }), context()));
    assert.ok(finding !== undefined);
    assert.match(renderFailure(finding, { redact }), /^CHECK CRASHED \[broken-check\] GET \/things: the check broken-check crashed: Error: oops/);
  });
});
