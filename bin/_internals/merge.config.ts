// The Playwright config `npm run gate:merge` hands to `playwright merge-reports`: the shards'
// blob reports replayed into the reporters of one run (playwright.config.ts's, without the
// terminal, annotation and blob ones: the shards printed and annotated already). The gate:merge
// command sets THERE_THERE_REPORTS_DIR, seed and run id before Playwright loads this file.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const reports = resolve((process.env.THERE_THERE_REPORTS_DIR ?? '').trim() || 'reports');

export default defineConfig({
  // The shards' test paths are relative to it: the merged reports point at the real files.
  testDir: join(REPO, 'specs'),
  reporter: [
    ['junit', { outputFile: join(reports, 'junit.xml') }],
    ['html', { outputFolder: join(reports, 'html'), open: 'never' }],
    [join(REPO, 'specs', 'reporters', 'summary-reporter.ts')],
  ],
});
