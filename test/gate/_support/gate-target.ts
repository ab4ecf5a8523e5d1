// The reference target in this process, on a free port, with a rate limit no run reaches, and a
// profile for it written to a temporary file (the tokens of targets/local.yaml, no `start`).

import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse, stringify } from 'yaml';
import { buildApp } from '../../../target/app.js';
import { REPO, temporaryFolder } from './run-conformance.js';

export const FAST_RATE = { limit: 100_000, windowSeconds: 1 };

export interface GateTarget {
  /** `http://127.0.0.1:PORT` (the API is under /api). */
  origin: string;
  close(): Promise<void>;
}

export async function startGateTarget(): Promise<GateTarget> {
  const app: FastifyInstance = await buildApp({ rateLimit: FAST_RATE });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The local profile's fields, changed by `changes`, written to a temporary file. */
export function writeProfile(changes: Record<string, unknown>): string {
  const local = parse(readFileSync(join(REPO, 'targets/local.yaml'), 'utf8')) as Record<string, unknown>;
  delete local.start;
  const profile: Record<string, unknown> = { ...local, name: 'gate', rateLimit: FAST_RATE, ...changes };
  for (const [key, value] of Object.entries(profile)) if (value === undefined) delete profile[key];
  const file = join(temporaryFolder('tt-gate-profile-'), 'profile.yaml');
  writeFileSync(file, stringify(profile));
  return file;
}

/** Every token of the local profile, and the secret part of each (what must never be printed). */
export function localSecrets(): string[] {
  const { tokens } = parse(readFileSync(join(REPO, 'targets/local.yaml'), 'utf8')) as { tokens: Record<string, string | string[]> };
  const all = Object.values(tokens).flat();
  return [...all, ...all.map((token) => token.slice(token.indexOf('|') + 1))];
}
