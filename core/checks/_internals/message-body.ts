// The error body every non-2xx answer of the contract carries: JSON `{"message": "..."}`.

import type { ReceivedResponse } from '../../exchange.js';
import { describeValue, excerpt, isPlainObject } from './excerpt.js';
import { isJsonMediaType, mediaTypeOf } from './media-type.js';

export interface BodyProblem {
  /** Stable for deduplication: `not-json-content-type`, `unparseable`, `no-message`, ... */
  cause: string;
  /** What was seen, with a raw excerpt where it helps. */
  seen: string;
}

/** What is wrong with `response` as a `{"message": string}` JSON body, or undefined. */
export function messageBodyProblem(response: ReceivedResponse): BodyProblem | undefined {
  const mediaType = mediaTypeOf(response.headers['content-type']);
  const { json } = response;
  if (json.kind === 'empty') return { cause: 'empty body', seen: 'an empty body' };
  if (json.kind === 'invalid') {
    return { cause: 'body is not JSON', seen: `a body that is not JSON (${json.error}): ${excerpt(response.bodyText)}` };
  }
  if (!isJsonMediaType(mediaType)) {
    return { cause: 'Content-Type is not JSON', seen: `Content-Type ${mediaType ?? '(none)'}` };
  }
  if (!isPlainObject(json.value)) return { cause: 'body is not an object', seen: describeValue(json.value) };
  const { message } = json.value;
  if (typeof message !== 'string') {
    return {
      cause: 'message is not a string',
      seen: message === undefined ? `an object without "message": ${excerpt(response.bodyText)}` : `"message" is ${describeValue(message)}`,
    };
  }
  if (message.trim() === '') return { cause: 'message is empty', seen: '"message" is empty' };
  return undefined;
}
