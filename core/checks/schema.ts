// Checks of a response against what the spec documents for its status: the media type and the
// body schema.

import { skip, defineCheck } from './check.js';
import { notHeadRequest, operationKnown, documentedStatus } from './guards.js';
import { findResponse } from '../spec/find-response.js';
import { excerpt } from './_internals/excerpt.js';
import { isJsonMediaType, mediaTypeOf } from './_internals/media-type.js';

export const contentType = defineCheck({
  id: 'content-type',
  description: 'The Content-Type is a documented media type of the status (JSON where the spec says JSON); a 204 or other bodiless response has no body and no Content-Type.',
  guards: [operationKnown, documentedStatus],
  run(exchange) {
    const documented = exchange.operation && findResponse(exchange.operation, exchange.response.status);
    if (documented === undefined) return skip('status not documented');
    const { status, headers, bodyText } = exchange.response;
    const seen = mediaTypeOf(headers['content-type']);
    const declared = Object.keys(documented.content).map((type) => type.toLowerCase());
    if (status === 204 || declared.length === 0) {
      if (bodyText !== '') {
        return {
          title: `status ${status} must not have a body`,
          expected: 'no body',
          actual: `a body of ${bodyText.length} characters: ${excerpt(bodyText)}`,
          cause: `body on bodiless ${status}`,
        };
      }
      if (status === 204 && seen !== undefined) {
        return {
          title: 'a 204 carries a Content-Type',
          expected: 'no Content-Type on a 204',
          actual: `Content-Type ${headers['content-type'] ?? ''}`,
          cause: 'Content-Type on 204',
        };
      }
      return null;
    }
    if (seen !== undefined && declared.some((type) => mediaTypeMatches(type, seen))) return null;
    const wantsJson = declared.some(isJsonMediaType);
    return {
      title: seen === undefined ? 'no Content-Type' : `Content-Type ${seen} is not documented`,
      expected: `Content-Type ${declared.join(' or ')}${wantsJson ? ' (JSON)' : ''}`,
      actual: `Content-Type ${headers['content-type'] ?? '(none)'}, body ${excerpt(bodyText)}`,
      cause: `Content-Type ${seen ?? 'none'}`,
    };
  },
});

export const responseSchema = defineCheck({
  id: 'response-schema',
  description: 'The body is valid JSON and validates against the schema documented for the status and media type.',
  guards: [operationKnown, documentedStatus, notHeadRequest],
  run(exchange, context) {
    const operation = exchange.operation;
    const documented = operation && findResponse(operation, exchange.response.status);
    if (operation === undefined || documented === undefined) return skip('status not documented');
    const declared = Object.keys(documented.content);
    if (declared.length === 0) return skip('no documented content');
    const { status, headers, bodyText, json } = exchange.response;
    const seen = mediaTypeOf(headers['content-type']);
    // Judge the body even under a wrong Content-Type (content-type reports that): a schema bug
    // hidden behind a header bug is still a bug.
    const mediaType =
      declared.find((type) => seen !== undefined && mediaTypeMatches(type.toLowerCase(), seen)) ??
      declared.find((type) => isJsonMediaType(type.toLowerCase()));
    if (mediaType === undefined || !isJsonMediaType(mediaType.toLowerCase())) return skip(`media type ${seen ?? 'none'} is not JSON`);
    if (json.kind === 'empty') {
      return { title: 'empty body where JSON was due', expected: `a JSON body (${mediaType})`, actual: '(empty body)', cause: 'empty body' };
    }
    if (json.kind === 'invalid') {
      return {
        title: 'body is not valid JSON',
        expected: `a JSON body (${mediaType})`,
        actual: `${json.error}: ${excerpt(bodyText, 300)}`,
        cause: 'unparseable body',
      };
    }
    const issues = context.spec.validateResponseBody(operation, status, mediaType, json.value);
    if (issues === undefined) return skip(`no schema for ${status} ${mediaType}`);
    if (issues.length === 0) return null;
    const lines = issues.slice(0, 8).map((issue) => `${issue.instancePath || '(root)'} ${issue.message}`);
    const distinct = [...new Set(issues.map((issue) => `${issue.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')} ${issue.message}`))];
    return {
      title: `body does not match the ${status} schema: ${lines[0]}`,
      expected: `a body valid against the documented ${status} ${mediaType} schema`,
      actual: lines.join('; ') + (issues.length > lines.length ? `; and ${issues.length - lines.length} more` : ''),
      cause: distinct.sort().slice(0, 5).join('; '),
    };
  },
});

/** `application/json` matches itself, `application/*` and `*\/*`. */
function mediaTypeMatches(declared: string, seen: string): boolean {
  if (declared === seen || declared === '*/*') return true;
  return declared.endsWith('/*') && seen.startsWith(declared.slice(0, -1));
}
