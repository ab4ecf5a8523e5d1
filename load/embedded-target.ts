// Starts the reference target (target/server.ts) as a separate process on a free port, for runs
// where nothing answers at the profile's URL. A separate process, not in-process: the load
// generator and the server must not share one event loop, or each would slow the other.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LoadError } from './load-error.js';

/** A short window keeps the rate-limit scenario quick; the limit leaves room for the other mixes. */
export const EMBEDDED_RATE_LIMIT = { limit: 1000, windowSeconds: 1 };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface EmbeddedTarget {
  baseUrl: string;
  rateLimit: { limit: number; windowSeconds: number };
  stop(): Promise<void>;
}

export function startEmbeddedTarget(rateLimit = EMBEDDED_RATE_LIMIT): Promise<EmbeddedTarget> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'target/server.ts', '--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--rate-limit', String(rateLimit.limit), '--rate-window', String(rateLimit.windowSeconds)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TARGET_FAULTS: '' } },
  );
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<EmbeddedTarget>((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new LoadError(`The embedded reference target did not start within ${START_TIMEOUT_MS / 1000}s`));
    }, START_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ baseUrl: (match[1] as string).replace(/\/+$/, ''), rateLimit, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const lines = errors.trim().split('\n');
      const reason = (lines.find((line) => /error/i.test(line)) ?? lines[0] ?? '').trim();
      reject(new LoadError(`The embedded reference target exited (code ${code}) before it listened${reason ? `: ${reason}` : ''}`));
    });
  });
}
