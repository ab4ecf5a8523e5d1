// ULIDs of the reference target, always written lowercase.
// Seed rows get deterministic ULIDs (fixed seed, time part stepped from a fixed base date) so the
// seed data is identical on every start; rows created at run time get ordinary ULIDs.
import { ulid } from 'ulid';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** The moment the seed data starts: ULID time parts and seed timestamps count from here. */
export const SEED_BASE_TIME = Date.parse('2026-01-05T09:00:00Z');

/** Accepts either case, as the contract says; the target compares in lowercase. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$/;

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}

/** mulberry32: a tiny deterministic PRNG giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function encode(value: number, length: number): string {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Deterministic lowercase ULIDs: each call steps the time part by one second from
 * SEED_BASE_TIME, the random part comes from a PRNG seeded with `seed`.
 */
export function seededUlids(seed: number): () => string {
  const random = seededRandom(seed);
  let step = 0;
  return () => {
    const time = encode(SEED_BASE_TIME + step * 1000, 10);
    step += 1;
    let randomPart = '';
    for (let i = 0; i < 16; i += 1) randomPart += CROCKFORD[Math.floor(random() * 32)];
    return time + randomPart;
  };
}

/** A fresh ULID for a row created at run time. */
export function newUlid(): string {
  return ulid().toLowerCase();
}
