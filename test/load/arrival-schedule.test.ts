import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArrivalSchedule } from '../../load/arrival-schedule.js';

describe('ArrivalSchedule', () => {
  it('plans rate × seconds arrivals evenly spaced from the start', () => {
    const schedule = new ArrivalSchedule(100, 5000, 2);
    const times: number[] = [];
    for (let at = schedule.claim(); at !== undefined; at = schedule.claim()) times.push(at);
    assert.equal(times.length, 200);
    assert.equal(times[0], 5000);
    assert.equal(times[1], 5010);
    assert.equal(times[199], 5000 + 1990);
    assert.equal(schedule.exhausted, true);
  });

  it('counts requests sent later than the tolerance and those never sent', () => {
    const schedule = new ArrivalSchedule(10, 0, 1, 10);
    const a = schedule.claim() as number;
    const b = schedule.claim() as number;
    const c = schedule.claim() as number;
    schedule.sent(a, a + 2);
    schedule.sent(b, b + 10);
    schedule.sent(c, c + 10.5);
    assert.deepEqual(schedule.record(), { plannedRate: 10, seconds: 1, planned: 10, sent: 3, late: 1, notSent: 7, lateAfterMs: 10 });
  });

  it('an interrupt shortens the plan to what was due', () => {
    const schedule = new ArrivalSchedule(10, 0, 10);
    for (let i = 0; i < 5; i += 1) schedule.sent(schedule.claim() as number, i * 100);
    schedule.close(450);
    const record = schedule.record();
    assert.equal(record.planned, 5);
    assert.equal(record.notSent, 0);
    assert.equal(record.seconds, 0.45);
    assert.equal(schedule.claim(), undefined);
  });
});
