// Starts the reference target as its own process (`target/server.ts`) on a free port with the
// given faults, and resolves once it prints its listening line.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const SERVER = fileURLToPath(new URL('../../server.ts', import.meta.url));

export interface RunningTarget {
  /** Base URL of the API, e.g. http://127.0.0.1:43121/api */
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface TargetLaunch {
  faults: readonly string[];
  rateLimit: { limit: number; windowSeconds: number };
  /** Give up after this many milliseconds without the listening line. */
  startTimeoutMs?: number;
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startTarget(launch: TargetLaunch): Promise<RunningTarget> {
  const port = await freePort();
  const args = [
    '--import', 'tsx', SERVER,
    '--port', String(port),
    '--db', ':memory:',
    '--rate-limit', String(launch.rateLimit.limit),
    '--rate-window', String(launch.rateLimit.windowSeconds),
  ];
  if (launch.faults.length > 0) args.push('--faults', launch.faults.join(','));
  // TARGET_FAULTS would add faults behind the run's back: the command line alone decides.
  const env = { ...process.env, TARGET_FAULTS: '' };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`the target did not start within ${launch.startTimeoutMs ?? 20000} ms`));
    }, launch.startTimeoutMs ?? 20000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /listening on (\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the target exited with code ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
    });
  });
  return { baseUrl, port, stop: () => stopProcess(child) };
}
