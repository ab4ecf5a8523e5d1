// A response body as JSON, without ever throwing: targets answer HTML error pages, cut-off
// JSON and empty bodies, and each of those must become a finding, not a crashed run.

import type { JsonBody } from './exchange.js';

export function readJsonBody(text: string): JsonBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'invalid', error: error instanceof Error ? error.message : String(error) };
  }
}
