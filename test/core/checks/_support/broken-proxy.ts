// A tiny Fastify server of our own in front of the reference target that breaks exactly one
// rule: it forwards every request (through `target.inject`) and lets a fault rewrite the request
// or the answer. The semantic checks must fail on each such server and pass on the target.

import Fastify, { type FastifyInstance } from 'fastify';

export interface Forwarded {
  method: string;
  /** Path with query, as received: `/api/tickets?page=2`. */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Fault {
  /** Rewrites a request before it is forwarded, or answers it alone. */
  request?(request: Forwarded, forward: (request: Forwarded) => Promise<Answer>): Promise<Forwarded | Answer> | Forwarded | Answer;
  /** Rewrites the target's answer. */
  answer?(answer: Answer, request: Forwarded, forward: (request: Forwarded) => Promise<Answer>): Promise<Answer> | Answer;
}

export async function brokenProxy(target: FastifyInstance, fault: Fault): Promise<FastifyInstance> {
  const forward = async (request: Forwarded): Promise<Answer> => {
    const answer = await target.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return { status: answer.statusCode, headers, body: answer.body };
  };
  const app = Fastify({ logger: false });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/*',
    handler: async (request, reply) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && name !== 'content-length') headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      const incoming: Forwarded = {
        method: request.method,
        url: request.url,
        headers,
        body: typeof request.body === 'string' && request.body !== '' ? request.body : undefined,
      };
      const rewritten = fault.request === undefined ? incoming : await fault.request(incoming, forward);
      let answer = 'status' in rewritten ? rewritten : await forward(rewritten);
      if (fault.answer !== undefined && !('status' in rewritten)) answer = await fault.answer(answer, rewritten, forward);
      const { 'content-length': _length, 'transfer-encoding': _encoding, connection: _connection, ...kept } = answer.headers;
      reply.code(answer.status).headers(kept);
      return reply.send(answer.body);
    },
  });
  await app.ready();
  return app;
}

/** The JSON of an answer, changed by `edit` (which may mutate it). */
export function editJson(answer: Answer, edit: (body: any) => void): Answer {
  if (answer.body === '') return answer;
  const body = JSON.parse(answer.body) as unknown;
  edit(body);
  return { ...answer, body: JSON.stringify(body) };
}

export function queryOf(url: string): URLSearchParams {
  return new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
}

export function withQuery(url: string, query: URLSearchParams): string {
  const path = url.split('?')[0] ?? url;
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}
