// Target profiles (targets/*.yaml): where the target is and with which tokens. Values may be
// `${ENV_VAR}` so secrets stay in the environment; THERE_THERE_BASE_URL overrides the URL.
// Every problem is one ProfileError sentence naming the file and the field; the CLI layer
// prints it and exits with code 2.

import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface ProfileTokens {
  /** Admin of workspace A (single-workspace token). */
  admin: string;
  /** Plain member of workspace A. */
  member?: string;
  /** Admin of workspace B, for isolation. */
  other?: string;
  /** Token for both workspaces: needs X-Workspace-Id. */
  multi?: string;
  /** More tokens of workspace A, for bulk property runs. */
  pool: string[];
}

export interface Profile {
  name: string;
  /** The profile file as given. */
  file: string;
  /** Without a trailing slash, e.g. `http://127.0.0.1:4010/api`. */
  baseUrl: string;
  /** Command that starts the target when nothing answers at baseUrl. */
  start?: string;
  tokens: ProfileTokens;
  /** Workspace ids by name: `a` is the tokens' own workspace, `b` the other one. */
  workspaces: Record<string, number>;
  rateLimit: { limit: number; windowSeconds: number };
  mode: 'full' | 'read-only';
  allowLoad: boolean;
}

export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(/[.!?]$/.test(`${file}: ${reason}`) ? `${file}: ${reason}` : `${file}: ${reason}.`);
    this.name = 'ProfileError';
  }
}

const TOP_LEVEL = ['name', 'baseUrl', 'start', 'tokens', 'workspaces', 'rateLimit', 'mode', 'allowLoad'];
const TOKEN_ROLES = ['admin', 'member', 'other', 'multi', 'pool'];

/** Reads, substitutes and validates a profile; throws ProfileError. */
export function loadProfile(file: string, env: NodeJS.ProcessEnv = process.env): Profile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProfileError(file, `cannot be read (${code === 'ENOENT' ? 'no such file' : (code ?? String(error))})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new ProfileError(file, `is not valid YAML${line === undefined ? '' : ` (line ${line})`}: ${reason}`);
    }
    throw error;
  }
  const substituted = substitute(raw, '', file, env);
  const profile = validate(substituted, file);
  const override = env.THERE_THERE_BASE_URL;
  if (override !== undefined && override.trim() !== '') {
    if (!isHttpUrl(override.trim())) {
      throw new ProfileError(file, `THERE_THERE_BASE_URL is not an http(s) URL: ${JSON.stringify(override)}`);
    }
    profile.baseUrl = override.trim().replace(/\/+$/, '');
  }
  return profile;
}

/** `${NAME}` in every string value; a missing or empty variable is an error naming it. */
function substitute(value: unknown, field: string, file: string, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined || found === '') {
        throw new ProfileError(file, `the environment variable ${name} is not set (used in ${field})`);
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substitute(item, `${field}[${index}]`, file, env));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substitute(item, field === '' ? key : `${field}.${key}`, file, env)]),
    );
  }
  return value;
}

function validate(raw: unknown, file: string): Profile {
  const fail = (field: string, problem: string): never => {
    throw new ProfileError(file, `${field} ${problem}`);
  };
  if (!isRecord(raw)) return fail('the profile', 'must be a YAML mapping');
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.includes(key)) fail(key, `is not a profile field (known: ${TOP_LEVEL.join(', ')})`);
  }

  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') return fail('name', 'must be a non-empty string');
  const baseUrl = raw.baseUrl;
  if (typeof baseUrl !== 'string' || !isHttpUrl(baseUrl)) return fail('baseUrl', 'must be an http(s) URL');
  const start = raw.start;
  if (start !== undefined && (typeof start !== 'string' || start.trim() === '')) fail('start', 'must be a non-empty command');

  const tokens = raw.tokens;
  if (!isRecord(tokens)) return fail('tokens', 'must be a mapping of role to token');
  for (const key of Object.keys(tokens)) {
    if (!TOKEN_ROLES.includes(key)) fail(`tokens.${key}`, `is not a token role (known: ${TOKEN_ROLES.join(', ')})`);
  }
  const token = (role: string, required: boolean): string | undefined => {
    const value = tokens[role];
    if (value === undefined || value === null) return required ? fail(`tokens.${role}`, 'is missing') : undefined;
    if (typeof value !== 'string' || value.trim() === '') return fail(`tokens.${role}`, 'must be a non-empty string');
    return value;
  };
  const pool = tokens.pool ?? [];
  if (!Array.isArray(pool)) return fail('tokens.pool', 'must be a list of tokens');
  pool.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') fail(`tokens.pool[${index}]`, 'must be a non-empty string');
  });

  const workspaces = raw.workspaces ?? {};
  if (!isRecord(workspaces)) return fail('workspaces', 'must be a mapping of name to workspace id');
  for (const [key, id] of Object.entries(workspaces)) {
    if (!Number.isInteger(id) || (id as number) < 1) fail(`workspaces.${key}`, 'must be a positive integer');
  }

  const rateLimit = raw.rateLimit ?? { limit: 60, windowSeconds: 60 };
  if (!isRecord(rateLimit)) return fail('rateLimit', 'must be a mapping with limit and windowSeconds');
  if (!Number.isInteger(rateLimit.limit) || (rateLimit.limit as number) < 1) fail('rateLimit.limit', 'must be a positive integer');
  if (typeof rateLimit.windowSeconds !== 'number' || !(rateLimit.windowSeconds > 0)) {
    fail('rateLimit.windowSeconds', 'must be a positive number');
  }

  const mode = raw.mode ?? 'full';
  if (mode !== 'full' && mode !== 'read-only') fail('mode', 'must be "full" or "read-only"');
  const allowLoad = raw.allowLoad ?? false;
  if (typeof allowLoad !== 'boolean') fail('allowLoad', 'must be true or false');

  const member = token('member', false);
  const other = token('other', false);
  const multi = token('multi', false);
  return {
    name,
    file,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(typeof start === 'string' ? { start } : {}),
    tokens: {
      admin: token('admin', true) as string,
      ...(member === undefined ? {} : { member }),
      ...(other === undefined ? {} : { other }),
      ...(multi === undefined ? {} : { multi }),
      pool: pool as string[],
    },
    workspaces: workspaces as Record<string, number>,
    rateLimit: { limit: rateLimit.limit as number, windowSeconds: rateLimit.windowSeconds as number },
    mode: mode as Profile['mode'],
    allowLoad: allowLoad as boolean,
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
