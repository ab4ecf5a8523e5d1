// The target's command line: starts and answers, keeps a file database across a restart, and
// refuses a port in use, a bad flag or an unknown fault with one sentence and exit code 2.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { TOKENS } from './support/tokens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'target-cli-'));
const running = new Set<ChildProcess>();

after(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function holdPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address === 'object' && address !== null) resolve({ server, port: address.port });
    });
  });
}

async function freePort(): Promise<number> {
  const { server, port } = await holdPort();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'target/server.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TARGET_FAULTS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += String(chunk)));
  child.stderr?.on('data', (chunk) => (err += String(chunk)));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function started(server: ReturnType<typeof run>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!server.stdout().includes('listening on')) {
    if (Date.now() > deadline || server.child.exitCode !== null) {
      throw new Error(`the target did not start: ${server.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function call(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${port}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('target server', () => {
  it('serves the API and keeps a file database across a restart', async () => {
    const port = await freePort();
    const args = ['--port', String(port), '--db', join(dir, 'target.db'), '--rate-limit', '100', '--rate-window', '5'];
    const first = run(args);
    await started(first);
    assert.equal(first.stdout().trim(), `There There reference target listening on http://127.0.0.1:${port}/api`);
    const me = await call(port, 'GET', '/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.data.workspace.name, 'Acme Support');
    const tag = await call(port, 'POST', '/tags', { name: 'survives-restart', color: '#abcdef' });
    assert.equal(tag.status, 201);
    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);

    const second = run(args);
    await started(second);
    const shown = await call(port, 'GET', `/tags/${tag.body.data.ulid}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.data.name, 'survives-restart');
    const tags = await call(port, 'GET', '/tags');
    assert.equal(tags.body.data.filter((t: any) => t.name === 'billing').length, 1, 'the seed ran only once');
    second.child.kill('SIGINT');
    assert.equal(await second.exit, 0);
  });

  it('exits with 2 and one sentence when the port is in use', async () => {
    const { server, port } = await holdPort();
    try {
      const target = run(['--port', String(port)]);
      assert.equal(await target.exit, 2);
      assert.equal(target.stderr().trim(), `Port ${port} on 127.0.0.1 is already in use.`);
      assert.equal(target.stdout(), '');
    } finally {
      server.close();
    }
  });

  it('exits with 2 and one sentence for a bad flag, a bad value or an unknown fault', async () => {
    for (const args of [['--bogus'], ['--port', 'abc'], ['--rate-limit', '0'], ['--faults', 'no-such-fault']]) {
      const target = run(args);
      assert.equal(await target.exit, 2, args.join(' '));
      const lines = target.stderr().trim().split('\n');
      assert.equal(lines.length, 1, target.stderr());
      assert.match(lines[0]!, /^[A-Z-].*\.$/);
      assert.doesNotMatch(target.stderr(), /\n\s+at /);
    }
  });
});
