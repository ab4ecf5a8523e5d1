// Named deviations from the contract the target can switch on (`--faults id,...`). Each names
// the check id(s) of the suite that must catch it. Filled by a later issue.

export interface Fault {
  id: string;
  description: string;
  /** Check ids (DESIGN.md) that must report the deviation. */
  catches: string[];
}

export const FAULTS: readonly Fault[] = [];
