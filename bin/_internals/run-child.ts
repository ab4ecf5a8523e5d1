// Runs one part of the gate (the conformance suite, the load run) as a child process whose
// output streams straight to the gate's own, and resolves with its exit code.
import { spawn } from 'node:child_process';

export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env, stdio: 'inherit' });
    // Ctrl-C reaches the child through the process group; a SIGTERM sent to the gate alone is passed on.
    const forward = (): void => void child.kill('SIGTERM');
    process.on('SIGTERM', forward);
    child.on('error', () => resolve(2));
    child.on('close', (code) => {
      process.removeListener('SIGTERM', forward);
      resolve(code ?? 2); // killed by a signal: nothing to judge
    });
  });
}
