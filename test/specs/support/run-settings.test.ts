// The run's settings from the environment: defaults, the values a user may set, and one
// sentence (a SettingsError, exit code 2 in the runner) for anything else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CASES, fixRunIdentity, readRunSettings, SettingsError } from '../../../specs/support/run-settings.js';

const fixed = { THERE_THERE_SEED: '42', THERE_THERE_RUN_ID: 'ttgate-abc123' };

describe('run settings', () => {
  it('fills in the defaults', () => {
    const settings = readRunSettings({ ...fixed });
    assert.deepEqual(settings, { profilePath: 'targets/local.yaml', specPath: 'openapi.yaml', reportsDir: 'reports', seed: 42, cases: DEFAULT_CASES, runId: 'ttgate-abc123' });
  });

  it('reads cases, budget and the request timeout', () => {
    const settings = readRunSettings({ ...fixed, THERE_THERE_CASES: '3', THERE_THERE_BUDGET_SECONDS: '90', THERE_THERE_REQUEST_TIMEOUT_SECONDS: '1.5' });
    assert.equal(settings.cases, 3);
    assert.equal(settings.budgetSeconds, 90);
    assert.equal(settings.requestTimeoutMs, 1500);
  });

  it('refuses a bad value with one sentence naming the variable', () => {
    for (const [name, value] of [['THERE_THERE_CASES', 'many'], ['THERE_THERE_REQUEST_TIMEOUT_SECONDS', '0'], ['THERE_THERE_REQUEST_TIMEOUT_SECONDS', 'soon'], ['THERE_THERE_REQUEST_TIMEOUT_SECONDS', '0.0001'], ['THERE_THERE_REQUEST_TIMEOUT_SECONDS', '100000'], ['THERE_THERE_BUDGET_SECONDS', '-5'], ['THERE_THERE_RUN_ID', 'Not Valid']] as const) {
      assert.throws(() => readRunSettings({ ...fixed, [name]: value }), (error: unknown) => error instanceof SettingsError && error.message.includes(name) && !error.message.includes('\n'));
    }
  });

  it('draws the seed and run id once, keeping what the caller fixed', () => {
    const env: NodeJS.ProcessEnv = { THERE_THERE_SEED: '9' };
    fixRunIdentity(env);
    assert.equal(env.THERE_THERE_SEED, '9');
    assert.match(env.THERE_THERE_RUN_ID ?? '', /^ttgate-[a-z0-9]+$/);
    const again = env.THERE_THERE_RUN_ID;
    fixRunIdentity(env);
    assert.equal(env.THERE_THERE_RUN_ID, again);
  });
});
