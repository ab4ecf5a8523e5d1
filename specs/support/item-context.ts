// The item a write is bound to, read once: what it holds decides what a valid request is. Its
// lists of objects with a `ulid` become ids of the resource they name (`messages` → message:
// `forwarded_from_message_ulid` must name a message of this ticket); lists the harvest already
// has (a ticket's `tags`) stay as harvested. Its fields let an update be judged against the
// item's state (see update-state.ts).

import type { OperationModel } from '../../core/spec/model.js';
import { singular, snakeCase } from '../../generators/resource-name-of.js';
import type { PathBinder } from './path-binder.js';
import { pathParams } from './path-binder.js';
import { fillPath, type PathBinding } from './to-api-request.js';
import type { WorkerClient } from './worker-client.js';

export interface BoundItem {
  /** The item as read (`data` of its read operation). */
  data: Record<string, unknown>;
  /** Ids of the lists inside it, by resource name. */
  ids: Record<string, string[]>;
}

export async function readBoundItem(client: WorkerClient, binder: PathBinder, operation: OperationModel, binding: PathBinding): Promise<BoundItem | undefined> {
  const param = pathParams(operation).reverse().find((name) => binder.familyOf(name)?.operations.read !== undefined);
  const read = param === undefined ? undefined : binder.familyOf(param)?.operations.read;
  if (read === undefined || pathParams(read).some((name) => binding.params[name] === undefined)) return undefined;
  const exchange = await client.send({ operation: read, path: fillPath(read.path, binding.params), ...(binding.role === undefined ? {} : { auth: binding.role }) });
  const body = exchange.response?.status === 200 && exchange.response.json.kind === 'json' ? exchange.response.json.value : undefined;
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const ids: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(value)) continue;
    const found = value.flatMap((item) => (typeof item === 'object' && item !== null && typeof (item as { ulid?: unknown }).ulid === 'string' ? [(item as { ulid: string }).ulid] : []));
    if (found.length > 0) ids[singular(snakeCase(key))] = found;
  }
  return { data: data as Record<string, unknown>, ids };
}
