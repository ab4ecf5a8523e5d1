// Creates one item of a resource family for the run: a generated valid body for the family's
// create operation, stamped with the run id, sent, and recorded in the created registry. The
// exchange comes back too, so a refusal can be reported like any other finding.

import fc from 'fast-check';
import type { Exchange } from '../../core/exchange.js';
import type { ResourceFamily } from '../../generators/resource-families.js';
import type { RunContext } from '../../generators/types.js';
import { validRequest } from '../../generators/valid-request.js';
import type { CreatedItem, CreatedRegistry } from './created-registry.js';
import { toApiRequest } from './to-api-request.js';
import { markUngrounded, unboundReferences } from './ungrounded-exchanges.js';
import type { WorkerClient } from './worker-client.js';

export interface FactoryResult {
  item?: CreatedItem;
  exchange: Exchange;
}

export class ResourceFactory {
  private made = 0;

  constructor(
    private readonly client: WorkerClient,
    private readonly created: CreatedRegistry,
    private readonly context: () => RunContext,
    /** Stamps a body of an operation with the next run label. */
    private readonly stamp: (operationKey: string, body: unknown) => unknown,
    private readonly seed: number,
  ) {}

  /** Whether the family can be created through the API. */
  canCreate(family: ResourceFamily): boolean {
    return family.operations.create !== undefined;
  }

  /** Creates one item under `parents` (path parameters of the create path) as `role`. */
  async create(family: ResourceFamily, parents: Record<string, string>, role: string): Promise<FactoryResult> {
    const operation = family.operations.create;
    if (operation === undefined) throw new Error(`The API has no operation that creates a ${family.resource}.`);
    this.made += 1;
    const [generated] = fc.sample(validRequest(operation, this.context()), { numRuns: 1, seed: this.seed + this.made });
    if (generated === undefined) throw new Error(`No request could be generated for ${operation.key}.`);
    const body = generated.body === undefined ? undefined : this.stamp(operation.key, generated.body);
    const exchange = await this.client.send(
      toApiRequest(operation, { ...generated, ...(body === undefined ? {} : { body }) }, { params: parents, role }, { validity: 'valid', replay: { seed: this.seed + this.made } }),
    );
    // A refusal for a made-up reference (nothing of its resource was harvested) is no finding.
    markUngrounded(exchange, unboundReferences(generated, parents));
    const item = this.created.itemOf(exchange); // the client's listener tracked it
    return item === undefined ? { exchange } : { item, exchange };
  }
}
