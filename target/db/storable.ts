// Faults of the storage layer, as a legacy MySQL schema would have them: `utf8` columns (three
// bytes per character) refuse characters outside the Basic Multilingual Plane, and name-like
// columns are VARCHAR(250) where the contract allows 255. The driver error becomes a 500.
import type { ActiveFaults } from '../faults/active.js';

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Throws the driver's error for a value the faulty columns cannot hold; a no-op without those faults. */
export function assertStorable(body: unknown, faults: ActiveFaults): void {
  const emoji = faults.has('emoji-500');
  const varchar250 = faults.has('max-length-500');
  if (!emoji && !varchar250) return;
  for (const text of strings(body)) {
    if (emoji && ASTRAL.test(text)) throw new Error(`Incorrect string value for column (utf8): ${text.slice(0, 20)}`);
    const length = [...text].length;
    if (varchar250 && length > 250 && length <= 255) throw new Error(`Data too long for column (VARCHAR(250)): ${length}`);
  }
}
