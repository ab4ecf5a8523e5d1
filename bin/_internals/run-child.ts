// Runs one part of the gate (the conformance suite, the load run) as a child process whose
// output streams straight to the gate's own, and resolves with its exit code.
//
// Interrupts: once `catchInterrupts` ran, SIGINT and SIGTERM no longer end the gate at once. The
// running part gets the signal (Ctrl-C reaches it through the process group too; a second SIGINT
// within a second is ignored by Playwright), the gate waits until it has stopped and cleaned up,
// and starts no further part; `interruptedBy()` then names the signal.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildOptions {
  /**
   * The signal a SIGTERM to the gate becomes for this child. Playwright's runner stops
   * gracefully only on SIGINT (its workers tear down their fixtures, which delete what the run
   * created); on SIGTERM it dies at once and leaves its workers to clean up unwatched.
   */
  sigtermAs?: NodeJS.Signals;
}

let interrupted: NodeJS.Signals | undefined;
let running: { child: ChildProcess; options: ChildOptions } | undefined;

export function catchInterrupts(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // Only the first signal is passed on: a second one (Ctrl-C again, CI's SIGTERM after its
      // SIGINT) would make Playwright or the load run quit at once, skipping their clean-up.
      if (interrupted !== undefined) return;
      interrupted = signal;
      if (running === undefined) return;
      running.child.kill(signal === 'SIGTERM' ? (running.options.sigtermAs ?? 'SIGTERM') : signal);
    });
  }
}

/** The first SIGINT or SIGTERM the gate received, if any. */
export function interruptedBy(): NodeJS.Signals | undefined {
  return interrupted;
}

export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: ChildOptions = {}): Promise<number> {
  if (interrupted !== undefined) return Promise.resolve(2); // interrupted before this part began: it never starts
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env, stdio: 'inherit' });
    running = { child, options };
    child.on('error', () => resolve(2));
    child.on('close', (code) => {
      if (running?.child === child) running = undefined;
      resolve(code ?? 2); // killed by a signal: nothing to judge
    });
  });
}
