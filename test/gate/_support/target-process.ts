// The reference target as a separate process (`target/server.ts`) on a free port and a temp
// database file: it gets a core of its own, and the test process only waits. Stopped by its pid.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FAST_RATE } from './gate-target.js';
import { REPO, temporaryFolder } from './run-conformance.js';

export interface TargetProcess {
  /** `http://127.0.0.1:PORT` (the API is under /api). */
  origin: string;
  /** The SQLite file the target keeps its data in. */
  dbFile: string;
  close(): Promise<void>;
}

export interface TargetProcessOptions {
  /** Default: a new file in a temporary folder. */
  dbFile?: string;
  /** Default FAST_RATE, a limit no run reaches (the rate-limit spec needs one it can burst through). */
  rateLimit?: { limit: number; windowSeconds: number };
}

export async function startTargetProcess(options: TargetProcessOptions = {}): Promise<TargetProcess> {
  const dbFile = options.dbFile ?? join(temporaryFolder('tt-gate-db-'), 'target.sqlite');
  const { limit, windowSeconds } = options.rateLimit ?? FAST_RATE;
  const args = ['target/server.ts', '--port', '0', '--db', dbFile, '--rate-limit', String(limit), '--rate-window', String(windowSeconds)];
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.TARGET_FAULTS;
  // node itself with tsx's loader, not the tsx wrapper: a SIGKILL then ends the server, not only its parent.
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = await listeningOrigin(child);
  return { origin, dbFile, close: () => stop(child) };
}

/** Resolves with the origin the target prints once it listens; rejects if it exits first or takes 30 s. */
function listeningOrigin(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the target did not start within 30 s: ${err}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\/api/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the target exited with ${code} before listening: ${err}`));
    });
  });
}

/** SIGTERM (the target closes its database cleanly), SIGKILL after 10 s. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
