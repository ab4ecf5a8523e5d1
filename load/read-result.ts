// Reads a `<scenario>.json` report back (for --baseline and load:merge), checking that it is one.
import { readFileSync } from 'node:fs';
import { LoadError } from './load-error.js';
import { RESULT_FORMAT, type LoadResult } from './load-result.js';

export function readResult(file: string, purpose: string): LoadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LoadError(`The ${purpose} ${file} cannot be read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : 'it is not JSON'}`);
  }
  const result = parsed as Partial<LoadResult> | null;
  if (typeof result !== 'object' || result === null || result.format !== RESULT_FORMAT || typeof result.metrics !== 'object' || typeof result.record !== 'object') {
    throw new LoadError(`The ${purpose} ${file} is not a load result (expected a <scenario>.json written by npm run load)`);
  }
  return result as LoadResult;
}
