// Pre-flight of the conformance run (Playwright's globalSetup, after webServer has started the
// target if it had to): when the run cannot be judged, one sentence and exit code 2.

import { preflight } from './support/preflight.js';
import { readRunSettings } from './support/run-settings.js';

export default async function globalSetup(): Promise<void> {
  const problem = await preflight(readRunSettings());
  if (problem === undefined) return;
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
