// The request source of mix scenarios: picks a template by weight and one of its query variants,
// fills ids from the target's data, and hands tokens out round-robin so every token of the pool
// gets an evenly spaced share of the arrivals (and stays under its rate limit).
import type { RequestSource, RequestSpec } from './autocannon-runner.js';
import type { TargetData } from './discovery.js';
import { fillText, placeholdersIn } from './fill-placeholders.js';
import { LoadError } from './load-error.js';
import { seededRandom, type Random } from './prng.js';
import type { RequestTemplate } from './scenario.js';

export interface TokenTag {
  /** Position of the token in the scenario's token list (reports name positions, never tokens). */
  token: number;
}

export class RequestMix implements RequestSource {
  /** Templates left out because the target has none of the ids they need. */
  readonly skipped: string[] = [];
  private readonly templates: RequestTemplate[];
  private readonly totalWeight: number;
  private readonly random: Random;
  private turn = 0;

  constructor(
    templates: readonly RequestTemplate[],
    private readonly data: TargetData,
    private readonly tokens: readonly string[],
    private readonly basePath: string,
    seed = 1,
  ) {
    if (tokens.length === 0) throw new LoadError('The scenario has no token to send with');
    this.templates = templates.filter((template) => {
      const needed = [template.path, ...template.query.flatMap((variant) => Object.values(variant))].flatMap(placeholdersIn);
      const missing = needed.filter((name) => (data[name]?.length ?? 0) === 0);
      if (missing.length > 0) this.skipped.push(`${template.name} (the target has no ${[...new Set(missing)].join(', ')})`);
      return missing.length === 0;
    });
    if (this.templates.length === 0) throw new LoadError(`No request of the scenario can be sent: ${this.skipped.join('; ')}`);
    this.totalWeight = this.templates.reduce((total, template) => total + template.weight, 0);
    this.random = seededRandom(seed);
  }

  next(): RequestSpec {
    const template = this.pick();
    const lookup = (name: string): string | undefined => {
      const values = this.data[name];
      return values && values.length > 0 ? values[Math.floor(this.random() * values.length)] : undefined;
    };
    let path = fillText(template.path, lookup, true);
    const variant = template.query.length > 0 ? template.query[Math.floor(this.random() * template.query.length)] : undefined;
    if (variant) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(variant)) query.set(key, fillText(value, lookup));
      path += `?${query.toString()}`;
    }
    const token = this.turn % this.tokens.length;
    this.turn += 1;
    const context: TokenTag = { token };
    return {
      label: template.name,
      method: template.method,
      path: this.basePath + path,
      headers: { accept: 'application/json', authorization: `Bearer ${this.tokens[token] as string}` },
      context,
    };
  }

  private pick(): RequestTemplate {
    let point = this.random() * this.totalWeight;
    for (const template of this.templates) {
      point -= template.weight;
      if (point < 0) return template;
    }
    return this.templates[this.templates.length - 1] as RequestTemplate;
  }
}
