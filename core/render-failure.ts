// The one renderer of findings: every output (terminal, files, JUnit, summaries) turns a
// finding into text here. Styling is a callback (plain for files, ANSI for a terminal), and the
// whole block passes through the redactor last, so no token can reach any output.

import { toCurl } from './curl.js';
import type { Exchange } from './exchange.js';
import type { Finding, FindingEntry } from './findings.js';
import type { Redactor } from './redact.js';

export type StyleRole = 'failure' | 'crash' | 'check' | 'label' | 'expected' | 'actual' | 'code' | 'dim';

/** Wraps `text` for its role; the default leaves it as is. */
export type Styler = (role: StyleRole, text: string) => string;

export interface RenderFailureOptions {
  redact: Redactor;
  style?: Styler;
  /** Characters of the response body to show; default 1500. */
  bodyChars?: number;
}

export function renderFailure(input: Finding | FindingEntry, options: RenderFailureOptions): string {
  const { finding, count } = 'finding' in input ? input : { finding: input, count: 1 };
  const style = options.style ?? ((_role: StyleRole, text: string) => text);
  const { exchange } = finding;
  const crashed = finding.kind === 'check-crashed';
  const lines: string[] = [];

  const mark = crashed ? style('crash', 'CHECK CRASHED') : style('failure', 'FAIL');
  const times = count > 1 ? style('dim', ` (seen ${count} times)`) : '';
  lines.push(`${mark} ${style('check', `[${finding.checkId}]`)} ${finding.operationKey}: ${finding.title}${times}`);
  lines.push(`  ${style('label', 'Expected:')} ${style('expected', finding.expected)}`);
  lines.push(`  ${style('label', 'Seen:    ')} ${style('actual', finding.actual)}`);
  lines.push(`  ${style('label', 'Request:')}`);
  lines.push(`    ${style('code', toCurl(exchange.request))}`);
  lines.push(...responseLines(exchange, style, options.bodyChars ?? 1500));
  if (exchange.rateLimited.length > 0) {
    const waits = exchange.rateLimited.map((attempt) => attempt.response?.headers['retry-after'] ?? '?').join(', ');
    lines.push(`  ${style('label', 'Rate limited first:')} ${exchange.rateLimited.length} × 429 (Retry-After ${waits})`);
  }
  const replay = finding.replay;
  if (replay !== undefined) {
    const path = replay.path === undefined ? '' : `, path: ${JSON.stringify(replay.path)}`;
    lines.push(`  ${style('label', 'Replay:')} ${style('code', `{ seed: ${replay.seed}${path} }`)}`);
  }
  return options.redact(lines.join('\n'));
}

function responseLines(exchange: Exchange, style: Styler, bodyChars: number): string[] {
  if (exchange.response === undefined) {
    const { kind, message, durationMs } = exchange.error;
    return [`  ${style('label', 'Response:')} none: ${kind} after ${Math.round(durationMs)} ms (${message})`];
  }
  const { status, headers, bodyText, durationMs } = exchange.response;
  const lines = [`  ${style('label', 'Response:')} ${status} ${style('dim', `(${Math.round(durationMs)} ms)`)}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`    ${style('dim', `${name}: ${value}`)}`);
  if (bodyText === '') {
    lines.push(`    ${style('dim', '(empty body)')}`);
  } else {
    const cut = bodyText.length > bodyChars;
    const shown = cut ? bodyText.slice(0, bodyChars) : bodyText;
    lines.push(...shown.split('\n').map((line) => `    ${line}`));
    if (cut) lines.push(`    ${style('dim', `… ${bodyText.length - bodyChars} more characters`)}`);
  }
  return lines;
}
