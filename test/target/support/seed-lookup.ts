// Finds seeded rows through the API, so tests name them without hard-coding generated ULIDs.
import assert from 'node:assert/strict';
import type { Client } from './client.js';
import type { Role } from './tokens.js';

export async function listData(client: Client, role: Role, path: string): Promise<any[]> {
  const answer = await client.get(role, path);
  assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
  return answer.body.data as any[];
}

export async function firstWhere(client: Client, role: Role, path: string, test: (item: any) => boolean): Promise<any> {
  const found = (await listData(client, role, path)).find(test);
  assert.ok(found, `nothing in ${path} matches`);
  return found;
}
