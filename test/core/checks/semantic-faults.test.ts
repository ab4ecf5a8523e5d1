// The semantic checks against the fault catalogue of the reference target: every fault that
// names one of these checks must make that check fail, and the clean target must make none
// fail. New faults in the catalogue are picked up here without editing this file.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterSemantics } from '../../../core/checks/filters.js';
import { createVisibleInList, readAfterWrite, updatePersisted, useAfterDelete } from '../../../core/checks/lifecycle.js';
import { runObservationChecks, type Observation, type ObservationCheck } from '../../../core/checks/observations.js';
import { paginationBounds, paginationLinks, paginationTraversal } from '../../../core/checks/pagination.js';
import { rateLimitBurst, rateLimitHeaders, rateLimitIsolation, rateLimitRecovery, rateLimitRetryAfter } from '../../../core/checks/rate-limit.js';
import { sortOrder } from '../../../core/checks/sorting.js';
import { buildApp } from '../../../target/app.js';
import { FAULTS } from '../../../target/faults/catalogue.js';
import { injectSend } from './_support/inject-send.js';
import { filterProbes, lifecycles, pageBounds, pageWalks, rateObservations, sortProbes, type Send } from './_support/probes.js';
import { semanticContext } from './_support/semantic-fixtures.js';

const LIMIT = 5;
const WINDOW = 2;
const CHECKS: readonly ObservationCheck[] = [
  paginationLinks, paginationTraversal, paginationBounds, filterSemantics, sortOrder,
  rateLimitBurst, rateLimitHeaders, rateLimitRetryAfter, rateLimitRecovery, rateLimitIsolation,
  readAfterWrite, updatePersisted, createVisibleInList, useAfterDelete,
];
const MINE = new Set(CHECKS.map((check) => check.id));

const rateProbe = (send: Send): Promise<Observation[]> => rateObservations(send, LIMIT);

/** The probes that exercise a check (the same function for checks that share one). */
function probesFor(id: string): Array<(send: Send) => Promise<Observation | Observation[]>> {
  if (id.startsWith('pagination-')) return [pageWalks, pageBounds, filterProbes, sortProbes];
  if (id === 'filter-semantics') return [filterProbes];
  if (id === 'sort-order') return [sortProbes];
  if (id.startsWith('rate-limit-')) return [rateProbe];
  return [lifecycles];
}

const isRate = (id: string): boolean => id.startsWith('rate-limit-');

/** Observations of the probes the checks `ids` need, from a target with `faults`. */
async function observe(faults: string[], ids: readonly string[], rateLimited: boolean): Promise<Observation[]> {
  if (ids.length === 0) return [];
  const app = await buildApp({ faults, rateLimit: rateLimited ? { limit: LIMIT, windowSeconds: WINDOW } : { limit: 100_000, windowSeconds: 60 } });
  try {
    const send = injectSend(app);
    const probes = [...new Set(ids.flatMap(probesFor))];
    return (await Promise.all(probes.map((probe) => probe(send)))).flat();
  } finally {
    await app.close();
  }
}

async function failingChecks(faults: string[], ids: readonly string[]): Promise<Map<string, string[]>> {
  // Rate-limit probes on a target with a small limit, the others where the limit is out of reach.
  const observations = [
    ...(await observe(faults, ids.filter((id) => !isRate(id)), false)),
    ...(await observe(faults, ids.filter(isRate), true)),
  ];
  {
    const failing = new Map<string, string[]>();
    const context = semanticContext({ limit: LIMIT, windowSeconds: WINDOW });
    for (const observation of observations) {
      for (const result of runObservationChecks(CHECKS, observation, context)) {
        if (result.outcome !== 'fail') continue;
        failing.set(result.checkId, [...(failing.get(result.checkId) ?? []), ...result.findings.map((finding) => `${finding.kind}: ${finding.title} | ${finding.actual}`)]);
      }
    }
    return failing;
  }
}

describe('the semantic checks and the fault catalogue', () => {
  it('find nothing wrong with the clean reference target', async () => {
    const failing = await failingChecks([], [...MINE]);
    assert.deepEqual(Object.fromEntries(failing), {});
  });

  const mine = FAULTS.filter((fault) => fault.catches.some((id) => MINE.has(id)));
  it(`catch each of the ${mine.length} faults that names one of them, with a check it names`, async () => {
    assert.ok(mine.length > 0);
    const missed: string[] = [];
    const crashed: string[] = [];
    const judge = async (fault: (typeof mine)[number]): Promise<void> => {
      const named = fault.catches.filter((id) => MINE.has(id));
      const failing = await failingChecks([fault.id], named);
      if (!named.some((id) => failing.has(id))) missed.push(`${fault.id} (wants ${named.join(' or ')}; failing: ${[...failing.keys()].join(', ') || 'none'})`);
      for (const [id, titles] of failing) if (titles.some((title) => title.startsWith('check-crashed'))) crashed.push(`${fault.id}: ${id}`);
    };
    // Rate-limit faults after the others: their probes depend on timing, which a busy loop skews.
    const timed = (fault: (typeof mine)[number]): boolean => fault.catches.some(isRate);
    await Promise.all(mine.filter((fault) => !timed(fault)).map(judge));
    await Promise.all(mine.filter(timed).map(judge));
    assert.deepEqual(missed, []);
    assert.deepEqual(crashed, []);
  });
});
