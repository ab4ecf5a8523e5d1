// A run that cannot be judged (bad arguments, bad scenario or thresholds file, refused profile,
// unreachable target): one sentence for stderr, exit code 2.
export class LoadError extends Error {
  constructor(message: string) {
    super(/[.!?]$/.test(message) ? message : `${message}.`);
    this.name = 'LoadError';
  }
}
