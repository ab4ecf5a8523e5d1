// reports/summary.md: the summary as Markdown that fits a CI job summary. Findings show their
// title, expected and seen, and the curl that reproduces them; the renderer's full block folds
// away under <details>.

import type { Summary } from './build-summary.js';

/** Findings shown in full; the rest are counted (summary.json has them all). */
const SHOWN_FINDINGS = 60;

export function renderSummary(summary: Summary): string {
  const lines: string[] = [];
  const title = { conformant: 'conformant', findings: 'NOT conformant', 'cannot-judge': 'could not be judged', interrupted: 'interrupted before the end' }[summary.verdict];
  lines.push(`# There There conformance: ${title}`, '');
  if (summary.cannotJudge !== undefined) lines.push(`**${summary.cannotJudge}**`, '');
  lines.push(
    `| target | profile | mode | seed | run id | duration | cases per operation |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    `| ${summary.target} | ${summary.profile} | ${summary.mode} | ${summary.seed} | ${summary.runId} | ${summary.durationSeconds} s | ${summary.plan?.cases ?? '?'} |`,
    '',
  );
  if (summary.plan?.note !== undefined) lines.push(`Plan: ${summary.plan.note}.`, '');
  const { tests, requests } = summary;
  lines.push(
    `Tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped of ${tests.total}. ` +
      `Requests: ${requests.sent} sent, ${requests.judged} judged, ${requests.rateLimited} answered 429, ${requests.transportErrors} without a response.`,
    '',
  );

  const checkIds = Object.keys(summary.checks);
  if (checkIds.length > 0) {
    lines.push('## Findings per check', '', '| check id | findings | seen |', '| --- | ---: | ---: |');
    for (const id of checkIds) lines.push(`| \`${id}\` | ${summary.checks[id]?.findings} | ${summary.checks[id]?.occurrences} |`);
    lines.push('');
  }

  if (summary.coverageFailures.length > 0) {
    lines.push('## Operations never answered with a 2xx', '', 'Each is a failure: the run could not show that the operation works.', '');
    for (const key of summary.coverageFailures) lines.push(`- \`${key}\`: seen ${describeStatuses(summary.coverage[key]?.statuses ?? {})}`);
    lines.push('');
  }

  let shown = 0;
  let hidden = 0;
  if (summary.findings.length > 0) lines.push('## Findings', '');
  for (const group of summary.findings) {
    lines.push(`### \`${group.checkId}\``, '');
    for (const { operationKey, findings } of group.operations) {
      for (const finding of findings) {
        if (shown >= SHOWN_FINDINGS) {
          hidden += 1;
          continue;
        }
        shown += 1;
        const times = finding.count > 1 ? ` (seen ${finding.count} times)` : '';
        lines.push(`**${operationKey}**: ${finding.title}${times}`, '');
        lines.push(`- expected: ${finding.expected}`, `- seen: ${finding.actual}`);
        if (finding.replay !== undefined) lines.push(`- replay: \`${JSON.stringify(finding.replay)}\``);
        lines.push('', '```sh', finding.curl, '```', '', '<details><summary>full report</summary>', '', '```', finding.text, '```', '', '</details>', '');
      }
    }
  }
  if (hidden > 0) lines.push(`… and ${hidden} more findings in summary.json.`, '');

  lines.push('## Coverage', '', '| operation | statuses seen | documented statuses not seen |', '| --- | --- | --- |');
  for (const [key, coverage] of Object.entries(summary.coverage)) {
    const seen = coverage.skipped !== undefined ? `skipped: ${coverage.skipped}` : describeStatuses(coverage.statuses);
    const missing = coverage.documented.filter((status) => !coverage.documentedSeen.includes(status));
    lines.push(`| \`${key}\` | ${seen} | ${missing.join(', ')} |`);
  }
  lines.push('');

  if (summary.skippedOperations.length > 0) {
    lines.push('## Skipped, with reasons', '');
    const byReason = new Map<string, string[]>();
    for (const { operationKey, reason } of summary.skippedOperations) byReason.set(reason, [...(byReason.get(reason) ?? []), operationKey]);
    for (const [reason, keys] of byReason) lines.push(`- ${reason}: ${[...new Set(keys)].map((key) => `\`${key}\``).join(', ')}`);
    lines.push('');
  }

  lines.push('## Left behind', '');
  if (summary.leftBehind.length === 0 && summary.cleanupFailures.length === 0) lines.push('Nothing: everything the run created was deleted.');
  const byReason = new Map<string, string[]>();
  for (const item of summary.leftBehind) byReason.set(item.reason, [...(byReason.get(item.reason) ?? []), item.path]);
  for (const [reason, paths] of byReason) lines.push(`- ${paths.length} × ${reason}: ${paths.slice(0, 10).join(', ')}${paths.length > 10 ? ', …' : ''}`);
  for (const failure of summary.cleanupFailures) lines.push(`- not deleted: ${failure}`);
  if (summary.leftBehind.some((item) => item.resource === 'ticket')) {
    lines.push('- contacts the target created for those tickets (their `from_contact`) stay with them');
  }
  lines.push('');

  if (summary.errors.length > 0 || summary.harvestProblems.length > 0) {
    lines.push('## Errors of the run itself', '');
    for (const error of summary.errors) lines.push(`- ${error}`);
    for (const problem of summary.harvestProblems) lines.push(`- could not list ${problem}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function describeStatuses(statuses: Record<string, number>): string {
  const entries = Object.entries(statuses).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? 'nothing' : entries.map(([status, count]) => `${status}×${count}`).join(' ');
}
