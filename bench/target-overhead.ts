// What the reference target's auth, workspace resolution, rate limiter, validation and SQLite cost
// on top of a bare Fastify route: same machine, same run, same load generator settings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatTable, measure } from './_internals/measure.js';
import { spawnServer } from './_internals/spawn-server.js';

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

export async function benchTargetOverhead(seconds = 5): Promise<string> {
  const { tokens } = parse(readFileSync(root('targets/local.yaml'), 'utf8')) as { tokens: { admin: string } };
  const headers = { authorization: `Bearer ${tokens.admin}`, accept: 'application/json' };
  const bare = await spawnServer(root('bench/_internals/bare-server.ts'));
  // A limit no benchmark reaches, so every request is served and the limiter still does its work.
  const target = await spawnServer(root('target/server.ts'), ['--port', '0', '--rate-limit', '1000000', '--rate-window', '1']);
  try {
    const baseline = await measure('bare Fastify GET /api/me (no auth, no db)', `${bare.url}/api/me`, { seconds });
    const me = await measure('target GET /api/me', `${target.url}/api/me`, { headers, seconds });
    const tickets = await measure('target GET /api/tickets?per_page=25', `${target.url}/api/tickets?per_page=25`, { headers, seconds });
    return [
      `## Reference target vs a bare Fastify route (${seconds} s each, 10 connections, servers in child processes)`,
      '',
      formatTable([baseline, me, tickets], baseline),
      '',
      `Auth + workspace + rate limit + contract checks on /me cost ${(1000 / me.rps - 1000 / baseline.rps).toFixed(3)} ms of server time per request at this concurrency; /me runs at ${((me.rps / baseline.rps) * 100).toFixed(0)}% of the bare route's throughput.`,
    ].join('\n');
  } finally {
    await Promise.all([bare.stop(), target.stop()]);
  }
}
