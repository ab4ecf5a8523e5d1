// ANSI colours for `renderFailure` on a terminal; files get the plain default.

import type { Styler } from './render-failure.js';

const CODES: Record<Parameters<Styler>[0], [number, number]> = {
  failure: [31, 39],
  crash: [35, 39],
  check: [1, 22],
  label: [1, 22],
  expected: [32, 39],
  actual: [31, 39],
  code: [36, 39],
  dim: [2, 22],
};

export const terminalStyle: Styler = (role, text) => {
  const [open, close] = CODES[role];
  return `\u001b[${open}m${text}\u001b[${close}m`;
};
