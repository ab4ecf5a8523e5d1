// Checks of request validation: invalid requests get the documented 4xx with a usable 422 body
// naming the broken field, and valid requests are never refused.

import { skip, defineCheck } from './check.js';
import { invalidCase, jsonBody, notHeadRequest, notRateLimited, statusIs, validCase } from './guards.js';
import { describeValue, excerpt, isPlainObject } from './_internals/excerpt.js';
import { isJsonMediaType, mediaTypeOf } from './_internals/media-type.js';
import { ungroundedRefusal } from './ungrounded-refusal.js';

export const validationErrorFormat = defineCheck({
  id: 'validation-error-format',
  description: 'A 422 body is {"message": string, "errors": {"<field>": [string, ...]}} with at least one field.',
  guards: [statusIs(422), notHeadRequest],
  run(exchange) {
    const { json, bodyText, headers } = exchange.response;
    const problems: string[] = [];
    if (json.kind !== 'json') {
      problems.push(json.kind === 'empty' ? 'empty body' : `body is not JSON: ${excerpt(bodyText)}`);
    } else if (!isPlainObject(json.value)) {
      problems.push(`body is ${describeValue(json.value)}`);
    } else {
      if (!isJsonMediaType(mediaTypeOf(headers['content-type']))) problems.push(`Content-Type ${headers['content-type'] ?? '(none)'}`);
      const { message, errors } = json.value;
      if (typeof message !== 'string' || message.trim() === '') problems.push('"message" is not a non-empty string');
      if (!isPlainObject(errors)) {
        problems.push(errors === undefined ? '"errors" is missing' : `"errors" is ${describeValue(errors)}`);
      } else {
        if (Object.keys(errors).length === 0) problems.push('"errors" is empty');
        for (const [field, messages] of Object.entries(errors)) {
          const fine = Array.isArray(messages) && messages.length > 0 && messages.every((text) => typeof text === 'string');
          if (!fine) problems.push(`"errors.${field}" is not a non-empty list of strings`);
        }
      }
    }
    if (problems.length === 0) return null;
    return {
      title: `malformed 422 body: ${problems[0]}`,
      expected: '{"message": "<text>", "errors": {"<field>": ["<text>", ...]}}',
      actual: `${problems.join('; ')}; body ${excerpt(bodyText)}`,
      // Field names differ per request; the kind of problem is the bug.
      cause: [...new Set(problems.map((problem) => problem.replace(/"errors\.[^"]*"/g, '"errors.<field>"')))].join('; '),
    };
  },
});

export const validationErrorFields = defineCheck({
  id: 'validation-error-fields',
  description: 'The 422 "errors" object of an invalid request names the field the generator broke.',
  guards: [statusIs(422), invalidCase, jsonBody],
  run(exchange) {
    const broken = exchange.case?.broken;
    if (broken === undefined) return skip('not an invalid generated case');
    if (broken.expectedStatus !== 422) return skip(`the breakage is due a ${broken.expectedStatus}, not a 422`);
    if (broken.path === '') return skip('the breakage is at the root, not a field');
    const body = exchange.response.json.kind === 'json' ? exchange.response.json.value : undefined;
    const errors = isPlainObject(body) ? body.errors : undefined;
    if (!isPlainObject(errors)) return skip('no "errors" object (validation-error-format reports it)');
    const wanted = fieldName(broken.path);
    const keys = Object.keys(errors);
    // A key for the field itself or for something inside it (`from_contact.email` when
    // `from_contact` is broken) names the broken field.
    if (keys.some((key) => fieldName(key) === wanted || fieldName(key).startsWith(`${wanted}.`))) return null;
    return {
      title: `422 "errors" does not name the broken field ${wanted}`,
      expected: `"errors" with the key "${wanted}" (${broken.kind} in the ${broken.location})`,
      actual: `"errors" keys: ${keys.length === 0 ? '(none)' : keys.join(', ')}`,
      cause: `${broken.location} ${broken.kind} ${wanted}`,
    };
  },
});

export const negativeRejected = defineCheck({
  id: 'negative-rejected',
  description: 'An invalid request is refused with the status the contract names for its breakage (422, 400 or 404), never 2xx or 5xx.',
  guards: [invalidCase, notRateLimited],
  run(exchange) {
    const broken = exchange.case?.broken;
    if (broken === undefined) return skip('not an invalid generated case');
    const { status, bodyText } = exchange.response;
    if (status === broken.expectedStatus) return null;
    const verdict = status < 300 ? 'accepted' : status >= 500 ? 'crashed the server' : 'refused with the wrong status';
    return {
      title: `invalid request (${broken.kind} at ${broken.location} ${broken.path || '(root)'}) ${verdict}: ${status}`,
      expected: `status ${broken.expectedStatus}`,
      actual: `status ${status}, body ${excerpt(bodyText)}`,
      cause: `${broken.location} ${broken.kind} ${fieldName(broken.path)} -> ${status}`,
    };
  },
});

export const positiveAccepted = defineCheck({
  id: 'positive-accepted',
  description: 'A valid request is answered 2xx unless the scenario expected otherwise.',
  guards: [validCase, notRateLimited],
  run(exchange, context) {
    if (context.expect !== undefined && context.expect !== 'ok') return skip(`the scenario expected ${context.expect}`);
    const { status, bodyText, json } = exchange.response;
    if (status >= 200 && status < 300) return null;
    // A made-up id may name nothing: a 404, or a 422 on that field, is the server being right.
    const ungrounded = ungroundedRefusal(exchange.response, context.ungrounded);
    if (ungrounded !== undefined) return skip(ungrounded);
    const fields =
      status === 422 && json.kind === 'json' && isPlainObject(json.value) && isPlainObject(json.value.errors)
        ? Object.keys(json.value.errors).sort()
        : [];
    return {
      title: `valid request refused with ${status}${fields.length > 0 ? ` (errors on ${fields.join(', ')})` : ''}`,
      expected: 'a 2xx status',
      actual: `status ${status}, body ${excerpt(bodyText, 300)}`,
      cause: `status ${status} ${fields.map(fieldName).join(',')}`,
    };
  },
});

/** Field names as Laravel writes them: `filter[status]` → `filter.status`. */
function fieldName(path: string): string {
  return path.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}
