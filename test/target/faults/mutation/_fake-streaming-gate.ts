// A stand-in gate that streams its findings (THERE_THERE_REPORTS_DIR/findings.ndjson, as the
// gate's findings-stream reporter does) and then keeps running for a minute: a runner that stops
// at the first expected finding must end it long before that. On a conformant GET /channels it
// exits 0 at once with a clean summary.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ADMIN = '1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ';
const baseUrl = process.env.THERE_THERE_BASE_URL ?? '';
const reportDir = process.env.THERE_THERE_REPORTS_DIR ?? '';
mkdirSync(reportDir, { recursive: true });

const answer = await fetch(`${baseUrl}/channels`, { headers: { authorization: `Bearer ${ADMIN}` } });
const body = (await answer.json()) as unknown;
const enveloped = typeof body === 'object' && body !== null && !Array.isArray(body) && Array.isArray((body as { data?: unknown }).data);
if (enveloped) {
  writeFileSync(join(reportDir, 'summary.json'), JSON.stringify({ verdict: 'conformant', checks: {}, findings: [] }));
  process.exit(0);
}
const line = (checkId: string): string => `${JSON.stringify({ checkId, operationKey: 'GET /channels', title: 'x', dedupKey: checkId, count: 1, test: 'GET /channels', at: Date.now() })}\n`;
appendFileSync(join(reportDir, 'findings.ndjson'), line('response-schema'));
await sleep(300);
appendFileSync(join(reportDir, 'findings.ndjson'), line('envelope'));
await sleep(60_000);
process.exit(1);
