// Which token a request goes with: a profile role, or the next token of the pool in turn so
// bulk runs spread their load (and their rate-limit budget) over many tokens.

import type { Profile } from '../profile.js';

export interface ChosenToken {
  /** `admin`, `member`, `other`, `multi` or `pool[i]`. */
  role: string;
  token: string;
}

export class TokenBook {
  private next = 0;

  constructor(private readonly profile: Pick<Profile, 'tokens' | 'file'>) {}

  has(role: string): boolean {
    return this.lookup(role) !== undefined || role === 'pool';
  }

  /**
   * `pool` takes the next pool token round-robin (the admin token when the profile has no
   * pool); `pool[i]` that very token; other roles their token. An unknown role throws.
   */
  choose(role: string): ChosenToken {
    if (role === 'pool') {
      const { pool } = this.profile.tokens;
      if (pool.length === 0) return { role: 'admin', token: this.profile.tokens.admin };
      const index = this.next++ % pool.length;
      return { role: `pool[${index}]`, token: pool[index] as string };
    }
    const token = this.lookup(role);
    if (token === undefined) throw new Error(`The profile ${this.profile.file} has no token for the role ${role}.`);
    return { role, token };
  }

  private lookup(role: string): string | undefined {
    const { tokens } = this.profile;
    const pooled = /^pool\[(\d+)\]$/.exec(role);
    if (pooled !== null) return tokens.pool[Number(pooled[1])];
    if (role === 'admin' || role === 'member' || role === 'other' || role === 'multi') return tokens[role];
    return undefined;
  }
}
