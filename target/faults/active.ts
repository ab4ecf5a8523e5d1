// The set of faults switched on for one app; handlers ask `app.faults.has(id)`.
import { FAULTS } from './catalogue.js';

export interface ActiveFaults {
  has(id: string): boolean;
  readonly ids: readonly string[];
}

/** Thrown for a fault id that is not in the catalogue; its message is one sentence. */
export class UnknownFaultError extends Error {
  constructor(id: string) {
    const known = FAULTS.map((fault) => fault.id).join(', ') || 'none';
    super(`Unknown fault "${id}" (known faults: ${known}).`);
    this.name = 'UnknownFaultError';
  }
}

export function activeFaults(ids: readonly string[] = []): ActiveFaults {
  const wanted = ids.map((id) => id.trim()).filter((id) => id !== '');
  for (const id of wanted) {
    if (!FAULTS.some((fault) => fault.id === id)) throw new UnknownFaultError(id);
  }
  const set = new Set(wanted);
  return { has: (id) => set.has(id), ids: [...set] };
}
