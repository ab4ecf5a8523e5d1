// On GitHub Actions, the gate's summary.md also goes to the job's summary page
// ($GITHUB_STEP_SUMMARY, appended: other steps may have written there first).
import { appendFileSync } from 'node:fs';

/** Appends `markdown` to the job summary when running on GitHub Actions; true when it did. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = (env.GITHUB_STEP_SUMMARY ?? '').trim();
  if (env.GITHUB_ACTIONS !== 'true' || file === '') return false;
  try {
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    return true;
  } catch (error) {
    // The reports are written; a job summary that cannot be written does not change the verdict.
    process.stderr.write(`Could not write the job summary to ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.\n`);
    return false;
  }
}
