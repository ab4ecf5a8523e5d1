// Every error becomes the contract's JSON answer; anything unexpected is a 500 with the fixed
// body (and a log line when the logger is on).
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError, MESSAGES, ValidationFailed } from './errors.js';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ValidationFailed, request, reply) => {
    if (error instanceof ValidationFailed) {
      return reply.code(422).send({ message: error.message, errors: error.errors });
    }
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send({ message: error.message });
    }
    // Fastify's own client errors (body too large, bad content length...) keep their status.
    const status = (error as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.code(status).send({ message: error.message });
    }
    request.log.error(error);
    return reply.code(500).send({ message: MESSAGES.serverError });
  });
}
