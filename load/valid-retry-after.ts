// A 429's Retry-After is valid when it is whole seconds, at least 1 and at most the window
// (DESIGN: the time until the window frees a slot).
export function validRetryAfter(value: string | undefined, windowSeconds: number): boolean {
  if (value === undefined || !/^\d+$/.test(value.trim())) return false;
  const seconds = Number(value);
  return seconds >= 1 && seconds <= Math.ceil(windowSeconds);
}
