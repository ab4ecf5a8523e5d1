// A seed per test, derived from the run's seed and the test's title: each operation's property
// run draws its own cases, and the same run seed replays all of them.

export function seedFor(runSeed: number, title: string): number {
  let hash = 0x811c9dc5 ^ runSeed;
  for (const char of title) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return hash | 0;
}
