// What a thrown HTTP-library error means for the exchange. Playwright throws on network errors
// with a message whose first line names the cause and whose "Call log" lists the request
// headers, Authorization included: only the first line is kept.

import type { TransportError, TransportErrorKind } from '../exchange.js';

const PATTERNS: Array<[RegExp, TransportErrorKind]> = [
  [/timeout \d+ ?ms exceeded|timed out|ETIMEDOUT/i, 'timeout'],
  [/ECONNREFUSED/i, 'connection-refused'],
  [/ECONNRESET|socket hang up|EPIPE/i, 'connection-reset'],
  [/\baborted\b|premature close|ERR_STREAM_PREMATURE_CLOSE|incomplete|Parse Error/i, 'incomplete-body'],
  [/ENOTFOUND|EAI_AGAIN|getaddrinfo/i, 'dns'],
  [/certificate|CERT_|SSL|TLS/i, 'tls'],
];

export function transportErrorOf(error: unknown, durationMs: number): TransportError {
  const text = error instanceof Error ? error.message : String(error);
  const message = (text.split('\n')[0] ?? '').replace(/^apiRequestContext\.\w+:\s*/, '').trim();
  const kind = PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
  return { kind, message, durationMs };
}
