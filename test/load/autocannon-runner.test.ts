import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runPhase, type RequestSource } from '../../load/autocannon-runner.js';
import { deriveMetrics } from '../../load/derive-metrics.js';
import { LoadRecorder } from '../../load/recorder.js';

/** Answers at once, except that every answer waits while a stall is on. */
let stallUntil = 0;
let seenPaths: string[] = [];
const server: Server = createServer((request, response) => {
  seenPaths.push(request.url ?? '');
  setTimeout(() => {
    response.setHeader('content-type', 'application/json');
    response.setHeader('x-seen', String(seenPaths.length));
    response.end(request.url === '/api/missing' ? (response.statusCode = 404, '{}') : '{"ok":true}');
  }, Math.max(0, stallUntil - Date.now()));
});
let baseUrl = '';

const source: RequestSource = {
  next: () => ({ label: 'me', method: 'GET', path: '/api/me', headers: { accept: 'application/json' } }),
};

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runPhase', () => {
  it('open model: keeps the planned rate and charges a stall to every request that waited for it', async () => {
    const recorder = new LoadRecorder();
    setTimeout(() => {
      stallUntil = Date.now() + 300;
    }, 500);
    const outcome = await runPhase({ baseUrl, connections: 4, seconds: 1.5, rate: 200, source, recorder });
    stallUntil = 0;
    const metrics = deriveMetrics(recorder.finish(outcome.startedAt, outcome.finishedAt, outcome.schedule));
    assert.equal(metrics.planned_rate, 200);
    assert.equal(outcome.schedule?.planned, 300);
    assert.equal(metrics.requests, 300, 'every planned request answered');
    assert.equal(outcome.schedule?.notSent, 0);
    // About 60 arrivals fell into the 300 ms stall: from their planned time they all waited,
    // while only the 4 requests on the wire during the stall saw a slow service time.
    assert.ok((metrics.p90 ?? 0) >= 50_000, `corrected p90 ${metrics.p90}`);
    assert.ok((metrics['service.p90'] ?? Infinity) < 50_000, `service p90 ${metrics['service.p90']}`);
    assert.ok((metrics.max ?? 0) >= 250_000, `corrected max ${metrics.max}`);
    assert.ok((metrics.late ?? 0) >= 20, `late ${metrics.late}`);
  });

  it('closed model: every connection sends again on its answer; latency is the service time', async () => {
    const recorder = new LoadRecorder();
    const outcome = await runPhase({ baseUrl, connections: 2, seconds: 0.5, source, recorder });
    const record = recorder.finish(outcome.startedAt, outcome.finishedAt, outcome.schedule);
    const metrics = deriveMetrics(record);
    assert.equal(record.schedule, undefined);
    assert.ok((metrics.requests ?? 0) > 100, `requests ${metrics.requests}`);
    assert.equal(metrics.p99, metrics['service.p99']);
    assert.equal(metrics.planned_rate, undefined);
  });

  it('hands every response (status, headers, body) to the scenario and counts unexpected statuses', async () => {
    const recorder = new LoadRecorder();
    const seen: Array<[number, string, string]> = [];
    let turn = 0;
    const mixed: RequestSource = {
      next: () => {
        turn += 1;
        const missing = turn % 2 === 0;
        return { label: missing ? 'missing' : 'me', method: 'GET', path: missing ? '/api/missing' : '/api/me', headers: {} };
      },
    };
    await runPhase({ baseUrl, connections: 1, seconds: 0.4, rate: 20, source: mixed, recorder, onResponse: (done) => seen.push([done.status, done.headers['content-type'] ?? '', done.body]) });
    const record = recorder.finish(0, 1);
    assert.equal(seen.length, 8);
    assert.ok(seen.every(([status, type, body]) => type === 'application/json' && (status === 200 ? body === '{"ok":true}' : status === 404)));
    assert.equal(record.statuses['404'], 4);
    assert.equal(record.unexpected, 4);
    assert.equal(record.operations.missing?.unexpected, 4);
    assert.equal(record.operations.me?.unexpected, 0);
  });

  it('sends only to the base URL it was given', async () => {
    seenPaths = [];
    await runPhase({ baseUrl, connections: 2, seconds: 0.2, rate: 50, source, recorder: new LoadRecorder() });
    assert.ok(seenPaths.length > 0);
    assert.ok(seenPaths.every((path) => path === '/api/me'));
  });
});
