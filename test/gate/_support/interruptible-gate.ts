// `npm run gate` (bin/gate.ts) started in a process group of its own with a run id the test
// knows, so a test can wait until the run has created something and then interrupt it the way a
// user (Ctrl-C: SIGINT to the group) or a CI runner (SIGTERM to the gate) does.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO, temporaryFolder } from './run-conformance.js';

export interface StartedGate {
  child: ChildProcess;
  runId: string;
  reportsDir: string;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (null when a signal ended it) once the gate has exited. */
  exited: Promise<number | null>;
  /** Ends the gate's whole group (the test's own safety net). */
  kill(): void;
}

export function startGate(options: { profile: string; cases: number; env?: Record<string, string> }): StartedGate {
  const reportsDir = temporaryFolder('tt-gate-signal-');
  const runId = `ttgate-sig${Date.now().toString(36)}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    THERE_THERE_PROFILE: options.profile,
    THERE_THERE_REPORTS_DIR: reportsDir,
    THERE_THERE_CASES: String(options.cases),
    THERE_THERE_SEED: '4242',
    THERE_THERE_RUN_ID: runId,
    ...options.env,
  };
  delete env.NODE_TEST_CONTEXT;
  delete env.THERE_THERE_BASE_URL;
  delete env.GITHUB_ACTIONS;
  const child = spawn(join(REPO, 'node_modules', '.bin', 'tsx'), ['bin/gate.ts'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    runId,
    reportsDir,
    output: () => ({ stdout, stderr }),
    exited,
    kill: () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
