// Before a run: checks the credentials and collects ids that request templates fill in
// (`{ticket}`, `{contact}`, `{tag}`, `{channel}`), with read-only requests outside the measurement.
import { LoadError } from './load-error.js';
import type { TargetClient } from './target-client.js';

export type TargetData = Record<string, string[]>;

const LISTS: Array<[placeholder: string, path: string]> = [
  ['ticket', '/tickets?per_page=100'],
  ['contact', '/contacts?per_page=100'],
  ['tag', '/tags'],
  ['channel', '/channels'],
];

export async function discoverTargetData(client: TargetClient, token: string): Promise<TargetData> {
  let me;
  try {
    me = await client.politeRequest('GET', '/me', token);
  } catch (error) {
    throw new LoadError(`Nothing answers at ${client.baseUrl} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (me.status === 401) throw new LoadError(`The target at ${client.baseUrl} rejected the profile's token (401 on GET /me)`);
  if (me.status !== 200) throw new LoadError(`GET /me at ${client.baseUrl} answered ${me.status}, not 200, so the target cannot be load-tested`);

  const data: TargetData = {};
  for (const [placeholder, path] of LISTS) {
    const response = await client.politeRequest('GET', path, token);
    const items = (response.json as { data?: unknown } | undefined)?.data;
    data[placeholder] = Array.isArray(items)
      ? items.map((item) => (item as { ulid?: unknown }).ulid).filter((ulid): ulid is string => typeof ulid === 'string')
      : [];
  }
  return data;
}
