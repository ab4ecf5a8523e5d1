// Scenario files (load/scenarios/<name>.yaml): what to send, how (open or closed model) and how
// much (a `smoke` size for the gate and CI, a `full` size for staging). Read and checked whole
// before any traffic; every problem is one LoadError sentence naming the file and the field.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseDuration } from './duration.js';
import { LoadError } from './load-error.js';
import { parseThreshold, type Threshold } from './threshold.js';

export const SCENARIO_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

export type ScenarioKind = 'mix' | 'journey' | 'flood' | 'capacity';
export type LoadModel = 'open' | 'closed';
export type SizeName = 'smoke' | 'full';
export type TokenRole = 'pool' | 'admin' | 'member';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface RequestTemplate {
  name: string;
  weight: number;
  method: HttpMethod;
  /** Relative to the base URL; `{ticket}`, `{contact}`, `{tag}`, `{channel}` are filled from the target's data. */
  path: string;
  /** Query variants; each request takes one (none: no query). */
  query: Array<Record<string, string>>;
}

export interface JourneyStep {
  name: string;
  method: HttpMethod;
  path: string;
  /** JSON body; strings may hold `{runId}`, `{n}` and captured or discovered `{names}`. */
  body?: unknown;
  /** Values to keep from the response body: name → dotted path, e.g. `ticket: data.ulid`. */
  capture: Record<string, string>;
}

export interface SizeSettings {
  seconds: number;
  connections: number;
  /** Arrivals per second (open model). */
  rate?: number;
  /** flood: arrival rate of the second token while the first is flooded. */
  isolationRate?: number;
  /** capacity: first step's rate, increase per step, seconds per step, most steps. */
  startRate?: number;
  stepRate?: number;
  stepSeconds?: number;
  maxSteps?: number;
}

export interface Scenario {
  name: string;
  file: string;
  description: string;
  kind: ScenarioKind;
  model: LoadModel;
  tokens: TokenRole;
  requests: RequestTemplate[];
  journey: JourneyStep[];
  /** capacity: a step is sustainable while all of these hold. */
  sustain: Threshold[];
  /** soak: compare the first and last part of the run for drift. */
  drift: boolean;
  timeoutSeconds: number;
  sizes: Record<SizeName, SizeSettings>;
}

const KINDS: readonly ScenarioKind[] = ['mix', 'journey', 'flood', 'capacity'];
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const ROLES: readonly TokenRole[] = ['pool', 'admin', 'member'];
const TOP_LEVEL = ['name', 'description', 'kind', 'model', 'tokens', 'requests', 'journey', 'sustain', 'drift', 'timeout', 'sizes'];

export function availableScenarios(dir = SCENARIO_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => basename(file, '.yaml'))
      .sort();
  } catch {
    return [];
  }
}

export function loadScenario(name: string, dir = SCENARIO_DIR): Scenario {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new LoadError(`Scenario names are lower-case words joined by dashes; "${name}" is not one`);
  const file = join(dir, `${name}.yaml`);
  const raw = readYaml(file, name, dir);
  const fail = (field: string, problem: string): never => {
    throw new LoadError(`Scenario file ${file}: ${field} ${problem}`);
  };
  if (!isRecord(raw)) return fail('the file', 'must be a YAML mapping');
  for (const key of Object.keys(raw)) if (!TOP_LEVEL.includes(key)) fail(key, `is not a scenario field (known: ${TOP_LEVEL.join(', ')})`);
  if (raw.name !== name) fail('name', `must be "${name}", the file's name`);

  const kind = raw.kind as ScenarioKind;
  if (!KINDS.includes(kind)) fail('kind', `must be one of ${KINDS.join(', ')}`);
  const model = (raw.model ?? (kind === 'flood' ? 'closed' : 'open')) as LoadModel;
  if (model !== 'open' && model !== 'closed') fail('model', 'must be "open" (arrival rate) or "closed" (connections)');
  if (kind !== 'mix' && kind !== 'flood' && model !== 'open') fail('model', `must be "open" for a ${kind} scenario`);
  if (kind === 'flood' && model !== 'closed') fail('model', 'must be "closed" for a flood scenario (the flood sends as fast as its connections can)');
  const tokens = (raw.tokens ?? 'pool') as TokenRole;
  if (!ROLES.includes(tokens)) fail('tokens', `must be one of ${ROLES.join(', ')}`);

  const requests = kind === 'journey' ? [] : readRequests(raw.requests, file, dir, name);
  const journey = kind === 'journey' ? readJourney(raw.journey, fail) : [];
  if (kind !== 'journey' && raw.journey !== undefined) fail('journey', 'belongs to journey scenarios only');
  const sustain = kind === 'capacity' ? readSustain(raw.sustain, file, fail) : [];
  if (kind !== 'capacity' && raw.sustain !== undefined) fail('sustain', 'belongs to capacity scenarios only');
  const timeoutSeconds = raw.timeout === undefined ? 10 : parseDuration(raw.timeout) ?? fail('timeout', 'must be a duration such as "10s"');
  if (raw.drift !== undefined && typeof raw.drift !== 'boolean') fail('drift', 'must be true or false');

  const sizes = raw.sizes;
  if (!isRecord(sizes)) return fail('sizes', 'must be a mapping with smoke and full');
  const readSize = (size: SizeName): SizeSettings => readSizeSettings(sizes[size], `sizes.${size}`, kind, model, fail);
  for (const key of Object.keys(sizes)) if (key !== 'smoke' && key !== 'full') fail(`sizes.${key}`, 'is not a size (known: smoke, full)');

  return {
    name,
    file,
    description: typeof raw.description === 'string' ? raw.description.trim() : '',
    kind,
    model,
    tokens,
    requests,
    journey,
    sustain,
    drift: raw.drift === true,
    timeoutSeconds,
    sizes: { smoke: readSize('smoke'), full: readSize('full') },
  };
}

function readYaml(file: string, name: string, dir: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new LoadError(`Unknown scenario "${name}" (available: ${availableScenarios(dir).join(', ') || 'none'})`);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new LoadError(`Scenario file ${file} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** A list of templates, or the name of another scenario whose requests are reused. */
function readRequests(raw: unknown, file: string, dir: string, self: string): RequestTemplate[] {
  if (typeof raw === 'string') {
    if (raw === self) throw new LoadError(`Scenario file ${file}: requests cannot name the scenario itself`);
    return loadScenario(raw, dir).requests;
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new LoadError(`Scenario file ${file}: requests must be a non-empty list (or the name of another scenario)`);
  return raw.map((item, index) => {
    const where = `requests[${index}]`;
    const fail = (problem: string): never => {
      throw new LoadError(`Scenario file ${file}: ${where} ${problem}`);
    };
    if (!isRecord(item)) return fail('must be a mapping with name, path and weight');
    if (typeof item.name !== 'string' || item.name.trim() === '') fail('needs a name');
    if (typeof item.path !== 'string' || !item.path.startsWith('/')) fail('needs a path starting with /');
    const weight = item.weight ?? 1;
    if (typeof weight !== 'number' || !(weight > 0)) fail('weight must be a positive number');
    const method = (item.method ?? 'GET') as HttpMethod;
    if (!METHODS.includes(method)) fail(`method must be one of ${METHODS.join(', ')}`);
    const query = item.query ?? [];
    if (!Array.isArray(query) || query.some((variant) => !isRecord(variant))) fail('query must be a list of mappings (one is picked per request)');
    return {
      name: (item.name as string).trim(),
      weight: weight as number,
      method,
      path: item.path as string,
      query: (query as Array<Record<string, unknown>>).map((variant) => Object.fromEntries(Object.entries(variant).map(([key, value]) => [key, String(value)]))),
    };
  });
}

function readJourney(raw: unknown, fail: (field: string, problem: string) => never): JourneyStep[] {
  if (!Array.isArray(raw) || raw.length === 0) return fail('journey', 'must be a non-empty list of steps');
  return raw.map((item, index) => {
    const where = `journey[${index}]`;
    if (!isRecord(item)) return fail(where, 'must be a mapping with name, method and path');
    if (typeof item.name !== 'string' || item.name.trim() === '') fail(where, 'needs a name');
    if (typeof item.path !== 'string' || !item.path.startsWith('/')) fail(`${where}.path`, 'must start with /');
    const method = (item.method ?? 'GET') as HttpMethod;
    if (!METHODS.includes(method)) fail(`${where}.method`, `must be one of ${METHODS.join(', ')}`);
    const capture = item.capture ?? {};
    if (!isRecord(capture) || Object.values(capture).some((path) => typeof path !== 'string')) fail(`${where}.capture`, 'must map names to dotted paths, e.g. "ticket: data.ulid"');
    return {
      name: (item.name as string).trim(),
      method,
      path: item.path as string,
      ...(item.body === undefined ? {} : { body: item.body }),
      capture: capture as Record<string, string>,
    };
  });
}

function readSustain(raw: unknown, file: string, fail: (field: string, problem: string) => never): Threshold[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((item) => typeof item !== 'string')) {
    return fail('sustain', 'must be a non-empty list of threshold expressions, e.g. "p99 < 100ms"');
  }
  return (raw as string[]).map((text) => parseThreshold(text, `${file} (sustain)`));
}

function readSizeSettings(
  raw: unknown,
  where: string,
  kind: ScenarioKind,
  model: LoadModel,
  fail: (field: string, problem: string) => never,
): SizeSettings {
  if (!isRecord(raw)) return fail(where, 'must be a mapping (duration, connections, rate, ...)');
  const positive = (key: string, required: boolean): number | undefined => {
    const value = raw[key];
    if (value === undefined) return required ? fail(`${where}.${key}`, 'is missing') : undefined;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) return fail(`${where}.${key}`, 'must be a positive number');
    return value;
  };
  const duration = (key: string, required: boolean): number | undefined => {
    if (raw[key] === undefined) return required ? fail(`${where}.${key}`, 'is missing') : undefined;
    return parseDuration(raw[key]) ?? fail(`${where}.${key}`, 'must be a duration such as "8s" or "5m"');
  };
  const known: Record<ScenarioKind, string[]> = {
    mix: ['duration', 'connections', 'rate'],
    journey: ['duration', 'connections', 'rate'],
    flood: ['duration', 'connections', 'isolationRate'],
    capacity: ['connections', 'startRate', 'stepRate', 'stepDuration', 'maxSteps'],
  };
  for (const key of Object.keys(raw)) if (!known[kind].includes(key)) fail(`${where}.${key}`, `is not a setting of a ${kind} scenario (known: ${known[kind].join(', ')})`);

  const connections = positive('connections', true) as number;
  if (kind === 'capacity') {
    const stepSeconds = duration('stepDuration', true) as number;
    const maxSteps = positive('maxSteps', true) as number;
    if (!Number.isInteger(maxSteps)) fail(`${where}.maxSteps`, 'must be a whole number');
    return {
      seconds: stepSeconds * maxSteps,
      connections,
      startRate: positive('startRate', true) as number,
      stepRate: positive('stepRate', true) as number,
      stepSeconds,
      maxSteps,
    };
  }
  const seconds = duration('duration', true) as number;
  if (kind === 'flood') return { seconds, connections, isolationRate: positive('isolationRate', true) as number };
  const rate = positive('rate', model === 'open');
  if (model === 'closed' && rate !== undefined) fail(`${where}.rate`, 'belongs to open-model scenarios (this one is closed: connections only)');
  return { seconds, connections, ...(rate === undefined ? {} : { rate }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
