// A gate run that cannot be judged: its message is the one sentence printed before exit code 2.
export class GateError extends Error {
  override readonly name = 'GateError';
}
