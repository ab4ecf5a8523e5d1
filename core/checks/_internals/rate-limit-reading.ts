// The rate-limit headers of one answer, read as numbers, and when the answer was sent and
// received: the rate-limit checks reason about windows in time.

import type { Exchange } from '../../exchange.js';

export interface RateLimitReading {
  status: number | undefined;
  limit: number | undefined;
  remaining: number | undefined;
  /** Retry-After as sent (undefined when absent). */
  retryAfterText: string | undefined;
  /** Retry-After in whole seconds when it is a non-negative integer. */
  retryAfter: number | undefined;
  /** Epoch ms the request left and its answer arrived. */
  sentAt: number;
  answeredAt: number;
}

export function rateLimitReading(exchange: Exchange): RateLimitReading {
  const headers = exchange.response?.headers ?? {};
  const retryAfterText = headers['retry-after']?.trim();
  const duration = exchange.response?.durationMs ?? exchange.error?.durationMs ?? 0;
  return {
    status: exchange.response?.status,
    limit: integer(headers['x-ratelimit-limit']),
    remaining: integer(headers['x-ratelimit-remaining']),
    retryAfterText,
    retryAfter: integer(retryAfterText),
    sentAt: exchange.startedAt,
    answeredAt: exchange.startedAt + duration,
  };
}

/** Served: answered with anything but 429. A transport error is neither served nor refused. */
export function outcomeOf(exchange: Exchange): 'served' | 'refused' | 'unknown' {
  const status = exchange.response?.status;
  if (status === undefined) return 'unknown';
  return status === 429 ? 'refused' : 'served';
}

function integer(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}
