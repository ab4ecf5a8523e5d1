// Builds the reference There There API as a Fastify app; never listens (server.ts does).
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { openDatabase } from './db/database.js';
import { activeFaults } from './faults/active.js';
import { installSerializerFaults } from './faults/serializer-faults.js';
import { installJsonBodyParser } from './http/body-parser.js';
import { loadContract } from './http/contract.js';
import { installErrorHandler } from './http/error-handler.js';
import { installPipeline } from './http/pipeline.js';
import { FixedWindowLimiter } from './http/rate-limiter.js';
import './http/types.js';
import type { PathResolver } from './resources/family.js';
import { FAMILIES } from './resources/index.js';

export interface TargetOptions {
  /** SQLite file, or ':memory:' (the default). */
  db?: string;
  /** Requests per window per token (unauthenticated: per client address); default 60 per 60 s. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** Fault ids of target/faults/catalogue.ts to switch on. */
  faults?: string[];
  /** The contract; default openapi.yaml at the repository root. */
  specPath?: string;
  logger?: boolean;
}

export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

export async function buildApp(options: TargetOptions = {}): Promise<FastifyInstance> {
  const faults = activeFaults(options.faults);
  const contract = loadContract(options.specPath ?? DEFAULT_SPEC_PATH);
  const { limit, windowSeconds } = options.rateLimit ?? { limit: 60, windowSeconds: 60 };
  const resolvers: Record<string, PathResolver> = {};
  for (const family of FAMILIES) Object.assign(resolvers, family.resolvers);

  // Logs (requests and server errors) go to stderr, so stdout only carries the listening line.
  const logger = options.logger ? { level: 'info', stream: process.stderr } : false;
  const app = Fastify({ logger, exposeHeadRoutes: false });
  const db = openDatabase(options.db ?? ':memory:');
  app.decorate('db', db);
  app.decorate('faults', faults);
  app.addHook('onClose', async () => {
    db.close();
  });

  installJsonBodyParser(app);
  installErrorHandler(app);
  installPipeline(app, { contract, limiter: new FixedWindowLimiter(limit, windowSeconds, faults), resolvers });
  installSerializerFaults(app, faults);
  for (const family of FAMILIES) await app.register(family.routes, { prefix: '/api' });
  return app;
}
