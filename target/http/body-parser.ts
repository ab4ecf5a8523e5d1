// Parses every request body as JSON whatever its content type, without failing early: a
// malformed body is only remembered here and answered with 400 later in the pipeline, after
// the path, role and auth steps that come first in the contract's order of answers.
import type { FastifyInstance, FastifyRequest } from 'fastify';

const malformed = new WeakSet<FastifyRequest>();

export function hasMalformedBody(request: FastifyRequest): boolean {
  return malformed.has(request);
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      malformed.add(request);
      done(null, undefined);
    }
  });
}
