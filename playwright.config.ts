// The conformance suite (`npx playwright test`, `npm run conformance`): the specs in specs/
// against the target of THERE_THERE_PROFILE (default targets/local.yaml), whose `start` command
// runs through `webServer` when nothing answers at its URL. The suite's own tests are node:test
// files under test/ and never run here. Exit codes: 0 conformant, 1 findings, 2 cannot judge.

import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { loadProfile, ProfileError, type Profile } from './core/profile.js';
import { fixRunIdentity, readRunSettings, SettingsError, type RunSettings } from './specs/support/run-settings.js';
import { blobDir, blobFileName, shardFromArgv } from './specs/reporters/shard-files.js';

function cannotJudge(error: unknown): never {
  if (!(error instanceof ProfileError || error instanceof SettingsError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

let settings: RunSettings;
let profile: Profile;
try {
  fixRunIdentity(); // in the runner; the workers inherit the environment
  settings = readRunSettings();
  profile = loadProfile(settings.profilePath);
} catch (error) {
  cannotJudge(error);
}

const reports = settings.reportsDir;
// THERE_THERE_BASE_URL points the suite elsewhere: the profile's start command is not for that target.
const startsTarget = profile.start !== undefined && (process.env.THERE_THERE_BASE_URL ?? '').trim() === '';
const shard = shardFromArgv(process.argv);
const onCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

export default defineConfig({
  testDir: 'specs',
  outputDir: join(reports, 'test-results'),
  fullyParallel: true,
  // Two cores: the workers mostly wait on the target (and on the rate limit), and an embedded
  // target needs a core of its own.
  workers: 2,
  forbidOnly: onCi,
  retries: 0,
  timeout: 5 * 60_000,
  globalSetup: './specs/global-setup.ts',
  reporter: [
    [onCi ? 'dot' : 'list'],
    ['junit', { outputFile: join(reports, 'junit.xml') }],
    ['html', { outputFolder: join(reports, 'html'), open: 'never' }],
    ['./specs/reporters/summary-reporter.ts'],
    ['./specs/reporters/findings-stream-reporter.ts'],
    // Annotations on the PR and the job: here, because `--reporter` would drop the summary reporter.
    ...(process.env.GITHUB_ACTIONS === 'true' ? [['github'] as const] : []),
    // A shard's blob report, for `npm run gate:merge` to join with the other shards.
    ...(shard === undefined ? [] : [['blob', { outputDir: blobDir(reports), fileName: blobFileName(shard) }] as const]),
  ],
  use: { trace: 'off' },
  ...(!startsTarget || profile.start === undefined
    ? {}
    : {
        webServer: {
          command: profile.start,
          // Any answer below 404 means something serves the API there (401 without a token).
          url: `${profile.baseUrl}/me`,
          reuseExistingServer: true,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
      }),
});
