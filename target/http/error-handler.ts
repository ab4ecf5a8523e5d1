// Every error becomes the contract's JSON answer; anything unexpected is a 500 with the fixed
// body (and a log line when the logger is on).
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, MESSAGES, ValidationFailed } from './errors.js';

/** The 422 answer; the faults are bugs of a custom exception renderer. */
function validationAnswer(request: FastifyRequest, error: ValidationFailed): { status: number; body: unknown } {
  const { faults } = request.server;
  const status = faults.has('contact-validation-400') && request.routeOptions.url?.startsWith('/api/contacts') ? 400 : 422;
  const errors = faults.has('validation-errors-array')
    ? Object.entries(error.errors).map(([field, messages]) => ({ field, message: messages[0] }))
    : error.errors;
  const body = faults.has('validation-message-missing') ? { errors } : { message: error.message, errors };
  return { status, body };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ValidationFailed, request, reply) => {
    if (error instanceof ValidationFailed) {
      const { status, body } = validationAnswer(request, error);
      return reply.code(status).send(body);
    }
    if (error instanceof HttpError) {
      const key = error.statusCode === 400 && app.faults.has('bad-request-error-key') ? 'error' : 'message';
      return reply.code(error.statusCode).headers(error.headers).send({ [key]: error.message });
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
