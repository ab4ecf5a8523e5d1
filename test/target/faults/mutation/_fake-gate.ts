// A stand-in for the conformance gate in the runner's own tests: it asks GET /channels through
// THERE_THERE_BASE_URL and reports `envelope` when the list is not {"data": [...]}, writing a
// summary.json shaped like the gate's (specs/reporters/build-summary.ts) where
// THERE_THERE_REPORTS_DIR says, and exiting 1 on a finding like the gate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ADMIN = '1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ';
const baseUrl = process.env.THERE_THERE_BASE_URL ?? '';
const reportDir = process.env.THERE_THERE_REPORTS_DIR ?? '';
const startedAt = new Date().toISOString();

await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${ADMIN}` } });
const url = `${baseUrl}/channels`;
const answer = await fetch(url, { headers: { authorization: `Bearer ${ADMIN}` } });
const body = (await answer.json()) as unknown;
const enveloped = typeof body === 'object' && body !== null && !Array.isArray(body) && Array.isArray((body as { data?: unknown }).data);
const finding = { checkId: 'envelope', operationKey: 'GET /channels', curl: `curl -sS -i ${url} -H 'Authorization: Bearer <redacted:admin>'`, outcome: String(answer.status) };
const summary = {
  verdict: enveloped ? 'conformant' : 'findings',
  startedAt,
  cases: process.env.THERE_THERE_CASES ?? null,
  checks: enveloped ? {} : { envelope: { findings: 1, occurrences: 1 } },
  findings: enveloped ? [] : [{ checkId: 'envelope', operations: [{ operationKey: 'GET /channels', findings: [finding] }] }],
};
mkdirSync(reportDir, { recursive: true });
writeFileSync(join(reportDir, 'summary.json'), JSON.stringify(summary));
process.exit(enveloped ? 0 : 1);
