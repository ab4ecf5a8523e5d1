// Which documented response answers a status: the exact code, then its range (`4XX`), then
// `default`. An undocumented status finds nothing; the `status-documented` check reports it.

import type { OperationModel, ResponseModel } from './model.js';

export function findResponse(operation: OperationModel, status: number | string): ResponseModel | undefined {
  const code = String(status);
  const { responses } = operation;
  const exact = responses[code];
  if (exact !== undefined) return exact;
  const range = `${code.charAt(0)}XX`;
  for (const [key, response] of Object.entries(responses)) {
    if (key.toUpperCase() === range) return response;
  }
  return responses.default;
}
