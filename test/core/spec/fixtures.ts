// Paths of the hand-written specs in test/fixtures/specs, and a SpecError matcher for assert.throws.

import { fileURLToPath } from 'node:url';
import { SpecError } from '../../../core/spec/errors.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/specs/${name}`, import.meta.url));
}

/** For `assert.throws`: a SpecError whose one-line message matches every pattern. */
export function specError(...patterns: RegExp[]): (error: unknown) => boolean {
  return (error) => {
    if (!(error instanceof SpecError)) throw new Error(`expected a SpecError, got ${String(error)}`);
    if (error.message.includes('\n')) throw new Error(`message is not one line: ${error.message}`);
    for (const pattern of patterns) {
      if (!pattern.test(error.message)) throw new Error(`message ${JSON.stringify(error.message)} does not match ${pattern}`);
    }
    return true;
  };
}
