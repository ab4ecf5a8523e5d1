// The Markdown report (`<scenario>.md`): short enough for a CI job summary.
import type { LoadResult } from './load-result.js';
import { reportView, type Table } from './report-view.js';

export function renderMarkdown(result: LoadResult): string {
  const view = reportView(result);
  const lines = [`## ${view.title}: ${view.status}, ${view.verdict}`, ''];
  if (view.description) lines.push(view.description, '');
  for (const fact of view.facts) lines.push(`- ${fact}`);
  lines.push('');
  for (const table of view.tables) lines.push(...markdownTable(table), '');
  if (view.notes.length > 0) {
    lines.push('### Notes', '');
    for (const note of view.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function markdownTable(table: Table): string[] {
  if (table.rows.length === 0) return [`### ${table.title}`, '', '(none)'];
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `### ${table.title}`,
    '',
    `| ${table.head.map(cell).join(' | ')} |`,
    `| ${table.head.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}
