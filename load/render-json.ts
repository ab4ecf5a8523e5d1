// The JSON report (`<scenario>.json`): every figure, the status mix over time and the encoded
// histograms; what --baseline and load:merge read back.
import type { LoadResult } from './load-result.js';

export function renderJson(result: LoadResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
