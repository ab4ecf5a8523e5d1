// Writes the three reports of a result: `<name>.json`, `<name>.md`, `<name>.html`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load-result.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

/** Base name of a result's reports: the scenario, plus the shard for a shard's own result. */
export function reportName(result: LoadResult): string {
  return result.shard ? `${result.scenario}.shard-${result.shard.index}-of-${result.shard.count}` : result.scenario;
}

export function writeReports(result: LoadResult, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  const base = join(directory, reportName(result));
  const files: Array<[string, string]> = [
    [`${base}.json`, renderJson(result)],
    [`${base}.md`, renderMarkdown(result)],
    [`${base}.html`, renderHtml(result)],
  ];
  for (const [file, text] of files) writeFileSync(file, text);
  return files.map(([file]) => file);
}
