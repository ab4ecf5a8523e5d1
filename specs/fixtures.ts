// The conformance suite's fixtures: every spec file imports `test` and `expect` from here.
// specs/README.md describes each fixture; in short:
//
// worker-scoped (one per worker process, built on first use):
//   settings, profile, spec, families   what the run is about (spec: loaded once, validators compiled on first use)
//   runId, redact                       the run's mark on what it creates; tokens → <redacted:role>
//   client                              this worker's share of the token pool, paced under the rate limit
//   created                             everything the worker created; deleted at worker teardown (auto)
//   harvest, foreignHarvest             real ids from list responses (own workspace / the `other` token's)
//   binder                              path parameters for an operation: harvested ids for reads, created items for writes
//   checkContext, plan, stamp, whoami, writesAllowed
//   options: seed, cases, budgetSeconds (THERE_THERE_SEED, THERE_THERE_CASES, THERE_THERE_BUDGET_SECONDS)
// test-scoped:
//   judge, expectNoFindings, coverage (auto), caseSeed, runOperation

import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { ApiRequest } from '../core/client/api-client.js';
import type { CheckContext } from '../core/checks/context.js';
import { profileFacts } from '../core/checks/profile-facts.js';
import { specForChecks } from '../core/checks/spec-for-checks.js';
import { FindingSet, type Finding } from '../core/findings.js';
import { loadProfile, type Profile } from '../core/profile.js';
import { createRedactor, type Redactor } from '../core/redact.js';
import type { Spec } from '../core/spec/load-spec.js';
import type { OperationModel } from '../core/spec/model.js';
import { resourceFamilies, type ResourceFamily } from '../generators/resource-families.js';
import { SKIPPED_OPERATION_ANNOTATION } from './support/annotations.js';
import { planCases, type CasePlan } from './support/case-plan.js';
import { CoverageRecorder, COVERAGE_ATTACHMENT } from './support/coverage.js';
import { CreatedRegistry } from './support/created-registry.js';
import { findingRecord, FINDINGS_ATTACHMENT } from './support/finding-record.js';
import { Harvest } from './support/harvest.js';
import { createJudge, type Judge } from './support/judge.js';
import { runOperation, type OperationOutcome, type RunnerDeps } from './support/operation-runner.js';
import { PathBinder, type Bound } from './support/path-binder.js';
import { prepareRequest, type PrepareOptions } from './support/prepare-request.js';
import { ResourceFactory } from './support/resource-factory.js';
import { readRunSettings, type RunSettings } from './support/run-settings.js';
import { seedFor } from './support/seed-for.js';
import { laneOf } from './support/lanes.js';
import { stampBody } from './support/stamp-body.js';
import { suiteSpec } from './support/suite-spec.js';
import { WorkerClient } from './support/worker-client.js';
import { runStateDir, writeWorkerReport } from './support/worker-report.js';

export { expect };

export { OPERATION_ANNOTATION, SKIPPED_OPERATION_ANNOTATION } from './support/annotations.js';

export interface ConformanceOptions {
  /** The run's fast-check seed (THERE_THERE_SEED; drawn once per run when unset). */
  seed: number;
  /** Generated cases per operation before budget scaling (THERE_THERE_CASES, default 25). */
  cases: number;
  /** Planned run time in seconds, 0 for none (THERE_THERE_BUDGET_SECONDS): scales `cases` down. */
  budgetSeconds: number;
}

export interface ConformanceWorkerFixtures extends ConformanceOptions {
  settings: RunSettings;
  /** The target profile. It holds the tokens: never print it. */
  profile: Profile;
  /** The contract, every validator compiled. */
  spec: Spec;
  families: readonly ResourceFamily[];
  /** Marks what the run creates (in subjects and names); also the run's id in reports. */
  runId: string;
  /** Replaces every profile token in a text by `<redacted:role>`. */
  redact: Redactor;
  client: WorkerClient;
  /** What this worker created; deleted (or closed and reported) at worker teardown. */
  created: CreatedRegistry;
  /** Ids of the profile's workspace, from list responses read with this worker's pool roles (lazy: `await harvest.collect()`). */
  harvest: Harvest;
  /** Ids the `other` token lists (another workspace), or undefined when the profile has no `other` token. */
  foreignHarvest: Harvest | undefined;
  binder: PathBinder;
  /** Path parameters from the `other` token's workspace (reads only), or undefined without an `other` token. */
  foreignBinder: PathBinder | undefined;
  checkContext: CheckContext;
  /** Cases per operation after budget scaling. */
  plan: CasePlan;
  /** A valid body with the run's next label stamped in (subject/name/title, emails). */
  stamp: (operationKey: string, body: unknown) => unknown;
  /** The `/me` user of a role's token (cached), for checks that need the caller. */
  whoami: (role: string) => Promise<Record<string, unknown> | undefined>;
  /** False in `mode: read-only`: send GET requests only. */
  writesAllowed: boolean;
}

export interface ConformanceTestFixtures {
  /** The pieces the runner and probes share (see support/operation-runner.ts). */
  runnerDeps: RunnerDeps;
  /** Findings of exchanges through the registry of checks (all checks unless ids are given); counts coverage. */
  judge: Judge;
  /** Attaches the findings for the summary and fails the test with the renderer's text if there are any. */
  expectNoFindings: (findings: readonly Finding[] | FindingSet) => Promise<void>;
  /** Operations and statuses this test exercised; attached when the test ends. */
  coverage: CoverageRecorder;
  /** This test's fast-check seed (from the run seed and the test's title). */
  caseSeed: number;
  /** A property run of one operation with the planned cases (see support/operation-runner.ts). */
  runOperation: (operation: OperationModel, options: { validity: 'valid' | 'invalid'; checks: readonly string[] }) => Promise<OperationOutcome>;
  /** One valid request of an operation on real path parameters, to vary for a probe (see support/prepare-request.ts). */
  prepareRequest: (operation: OperationModel, options?: PrepareOptions) => Promise<Bound<ApiRequest>>;
  /** The request of `prepareRequest`, or the test is skipped (with the reason) or failed (with the target's answer). */
  requestFor: (operation: OperationModel, options?: PrepareOptions) => Promise<ApiRequest>;
}

const defaults = readRunSettings();

export const test = base.extend<ConformanceTestFixtures, ConformanceWorkerFixtures>({
  seed: [defaults.seed, { option: true, scope: 'worker' }],
  cases: [defaults.cases, { option: true, scope: 'worker' }],
  budgetSeconds: [defaults.budgetSeconds ?? 0, { option: true, scope: 'worker' }],

  settings: [async ({}, use) => use(readRunSettings()), { scope: 'worker' }],
  profile: [async ({ settings }, use) => use(loadProfile(settings.profilePath)), { scope: 'worker' }],
  spec: [
    async ({ settings }, use) => {
      // Validators compile on first use: the runner's pre-flight has compiled every one already
      // (a broken schema is exit 2 before any worker starts), and a worker Playwright restarts
      // after each failed test should not pay for the ones its tests never use.
      await use(suiteSpec(settings.specPath));
    },
    { scope: 'worker' },
  ],
  families: [async ({ spec }, use) => use(resourceFamilies(spec)), { scope: 'worker' }],
  runId: [async ({ settings }, use) => use(settings.runId), { scope: 'worker' }],
  redact: [async ({ profile }, use) => use(createRedactor(profile)), { scope: 'worker' }],
  writesAllowed: [async ({ profile }, use) => use(profile.mode === 'full'), { scope: 'worker' }],

  client: [
    async ({ profile, settings }, use, workerInfo) => {
      const { slot, lanes } = laneOf(workerInfo.parallelIndex, workerInfo.config.workers, workerInfo.config.shard);
      const paceFile = join(runStateDir(settings.reportsDir, settings.runId), `pace-slot-${slot}.json`);
      const timeout = settings.requestTimeoutMs === undefined ? {} : { timeoutMs: settings.requestTimeoutMs };
      const client = await WorkerClient.create({ profile, slot, workers: lanes, paceFile, ...timeout });
      await use(client);
      await client.dispose();
    },
    { scope: 'worker' },
  ],

  plan: [
    async ({ profile, spec, cases, budgetSeconds }, use) =>
      use(planCases({ requestedCases: cases, ...(budgetSeconds > 0 ? { budgetSeconds } : {}), profile, operations: spec.operations })),
    { scope: 'worker' },
  ],

  harvest: [async ({ client, families, runId }, use) => use(new Harvest(client, families, client.poolRoles, runId)), { scope: 'worker' }],
  foreignHarvest: [
    async ({ client, families, profile, runId }, use) => use(profile.tokens.other === undefined ? undefined : new Harvest(client, families, ['other'], runId)),
    { scope: 'worker' },
  ],

  created: [
    async ({ client, families, profile, settings, plan, harvest }, use, workerInfo) => {
      const a = profile.workspaces.a;
      const created = new CreatedRegistry(client, families, a === undefined ? {} : { 'x-workspace-id': String(a) }, settings.runId);
      client.onExchange((exchange) => created.track(exchange));
      // Every request in flight is noted, so the teardown can wait for what an interrupted test
      // still creates; once the teardown begins, such a test sends nothing more.
      const send = client.send.bind(client);
      client.send = (request) => created.admit(() => send(request));
      await use(created);
      // Runs when the worker stops, after passing and failing tests alike.
      const cleanup = await created.cleanup();
      writeWorkerReport(runStateDir(settings.reportsDir, settings.runId), {
        workerIndex: workerInfo.workerIndex,
        plan,
        cleanup,
        client: client.stats(),
        harvestProblems: [...harvest.problems],
      });
    },
    { scope: 'worker', auto: true, timeout: 120_000 },
  ],

  stamp: [
    async ({ spec, runId }, use, workerInfo) => {
      let count = 0;
      await use((operationKey, body) => {
        const operation = spec.operation(operationKey);
        const media = operation?.requestBody?.content['application/json'];
        if (operation === undefined || media === undefined) return body;
        count += 1;
        // workerIndex: a restarted worker must not repeat labels; the shard: nor may a shard running beside this one.
        const label = `${runId}-${laneOf(workerInfo.parallelIndex, workerInfo.config.workers, workerInfo.config.shard).shardTag}w${workerInfo.workerIndex}-${count}`;
        return stampBody(body, media.schema, label, spec.validators.requestBody(operation.key, 'application/json'));
      });
    },
    { scope: 'worker' },
  ],

  binder: [
    async ({ families, harvest, created, client, stamp, seed, writesAllowed }, use) => {
      const factory = new ResourceFactory(client, created, () => harvest.context(), stamp, seed);
      await use(new PathBinder(families, harvest, factory, created, () => client.nextPoolRole(), writesAllowed));
    },
    { scope: 'worker' },
  ],

  foreignBinder: [
    async ({ families, foreignHarvest, created, client, stamp, seed }, use) => {
      if (foreignHarvest === undefined) return use(undefined);
      const factory = new ResourceFactory(client, created, () => foreignHarvest.context(), stamp, seed);
      await use(new PathBinder(families, foreignHarvest, factory, created, () => 'other', false));
    },
    { scope: 'worker' },
  ],

  checkContext: [async ({ spec, profile }, use) => use({ spec: specForChecks(spec), profile: profileFacts(profile) }), { scope: 'worker' }],

  whoami: [
    async ({ client, spec }, use) => {
      const known = new Map<string, Promise<Record<string, unknown> | undefined>>();
      const me = spec.operation('GET /me');
      await use((role) => {
        if (!known.has(role)) {
          known.set(
            role,
            client.send({ ...(me === undefined ? {} : { operation: me }), method: 'GET', path: '/me', auth: role }).then((exchange) => {
              const body = exchange.response?.json.kind === 'json' ? (exchange.response.json.value as { data?: { user?: Record<string, unknown> } }) : undefined;
              return body?.data?.user;
            }),
          );
        }
        return known.get(role) as Promise<Record<string, unknown> | undefined>;
      });
    },
    { scope: 'worker' },
  ],

  coverage: [
    async ({}, use, testInfo) => {
      const coverage = new CoverageRecorder();
      await use(coverage);
      if (!coverage.empty) await testInfo.attach(COVERAGE_ATTACHMENT, { body: JSON.stringify(coverage), contentType: 'application/json' });
    },
    { auto: true },
  ],

  judge: async ({ checkContext, coverage }, use) => use(createJudge(checkContext, (exchange) => coverage.add(exchange))),

  expectNoFindings: async ({ redact, seed }, use, testInfo) => {
    await use(async (findings) => {
      const set = findings instanceof FindingSet ? findings : foldFindings(findings);
      if (set.size === 0) return;
      const records = set.entries().map((entry) => findingRecord(entry, redact));
      await testInfo.attach(FINDINGS_ATTACHMENT, { body: redact(JSON.stringify(records)), contentType: 'application/json' });
      const file = testInfo.file.slice(testInfo.file.lastIndexOf('specs/'));
      const rerun = `THERE_THERE_SEED=${seed} npx playwright test ${file} -g ${shellQuote(escapeRegExp(testInfo.title))}`;
      const text = `${records.length} finding(s):\n\n${records.map((record) => record.text).join('\n\n')}\n\nRun this test again: ${rerun}`;
      expect(set.size, redact(text)).toBe(0);
    });
  },

  caseSeed: async ({ seed }, use, testInfo) => use(seedFor(seed, testInfo.titlePath.slice(1).join(' › '))),

  runOperation: async ({ runnerDeps, plan, caseSeed }, use, testInfo) => {
    await use((operation, options) =>
      runOperation(runnerDeps, operation, { ...options, cases: plan.cases, seed: caseSeed, ...(testInfo.timeout > 0 ? { timeLimitMs: testInfo.timeout * 0.6 } : {}) }),
    );
  },

  prepareRequest: async ({ runnerDeps, caseSeed }, use) => use((operation, options) => prepareRequest(runnerDeps, operation, caseSeed, options)),

  requestFor: async ({ prepareRequest, judge, expectNoFindings }, use) => {
    await use(async (operation, options) => {
      const prepared = await prepareRequest(operation, options);
      if (prepared.kind === 'ok') return prepared.value;
      if (prepared.kind === 'skip') skipOperation(operation.key, prepared.reason);
      else await expectNoFindings(judge(prepared.exchanges));
      throw new Error(`${operation.key}: ${prepared.reason}.`);
    });
  },

  runnerDeps: async ({ client, binder, harvest, created, families, judge, stamp, writesAllowed, spec }, use) =>
    use({
      client,
      binder,
      harvest,
      created,
      families,
      judge,
      stamp,
      writesAllowed,
      requestValidator: (operationKey) => spec.validators.requestBody(operationKey, 'application/json'),
    }),
});

/**
 * Marks the running test as exercising `operationKey` but skipped for `reason` (read-only mode,
 * an operation the suite may not perform): reported as skipped with its reason, never as passed.
 */
export function skipOperation(operationKey: string, reason: string): void {
  test.info().annotations.push({ type: SKIPPED_OPERATION_ANNOTATION, description: `${operationKey}: ${reason}` });
  test.skip(true, reason);
}

function foldFindings(findings: readonly Finding[]): FindingSet {
  const set = new FindingSet();
  set.addAll(findings);
  return set;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
