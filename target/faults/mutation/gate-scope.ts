// Which spec files of the gate judge a check id, so a budgeted mutation run (`--scope primary`)
// can run, per fault, only the files that judge its primary expected check (`catches[0]`)
// instead of the whole gate. Mirrors specs/README.md ("one file per concern"); a file that does
// not exist is left out, and a fault with no file left runs the whole gate.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Fault } from '../catalogue.js';

const RESPONSE = ['specs/operations.spec.ts'];
const PAGES = ['specs/pagination.spec.ts', 'specs/filters-sorts.spec.ts'];

export const SPEC_FILES_BY_CHECK: Readonly<Record<string, readonly string[]>> = {
  'status-documented': RESPONSE,
  'content-type': RESPONSE,
  'response-schema': RESPONSE,
  'response-headers': RESPONSE,
  envelope: RESPONSE,
  'no-server-error': RESPONSE,
  'error-body': RESPONSE,
  'positive-accepted': RESPONSE,
  'validation-error-format': ['specs/validation.spec.ts'],
  'validation-error-fields': ['specs/validation.spec.ts'],
  'negative-rejected': ['specs/validation.spec.ts'],
  'auth-required': ['specs/access.spec.ts'],
  'auth-invalid-token': ['specs/access.spec.ts'],
  'workspace-header': ['specs/access.spec.ts'],
  'workspace-isolation': ['specs/access.spec.ts'],
  'role-permissions': ['specs/access.spec.ts'],
  'unsupported-method': ['specs/routing.spec.ts'],
  'unknown-route': ['specs/routing.spec.ts'],
  // Links and traversal are judged on the filter and sort probes' walks as well.
  'pagination-links': PAGES,
  'pagination-traversal': PAGES,
  'pagination-bounds': ['specs/pagination.spec.ts'],
  'filter-semantics': ['specs/filters-sorts.spec.ts'],
  'sort-order': ['specs/filters-sorts.spec.ts'],
  'rate-limit-burst': ['specs/rate-limit.spec.ts'],
  'rate-limit-retry-after': ['specs/rate-limit.spec.ts'],
  'rate-limit-isolation': ['specs/rate-limit.spec.ts'],
  'rate-limit-recovery': ['specs/rate-limit.spec.ts'],
  'rate-limit-headers': ['specs/rate-limit.spec.ts'],
  'read-after-write': ['specs/lifecycles.spec.ts'],
  'update-persisted': ['specs/lifecycles.spec.ts'],
  'use-after-delete': ['specs/lifecycles.spec.ts'],
  'create-visible-in-list': ['specs/lifecycles.spec.ts'],
};

/** The spec files that wait out the target's rate limit (and so need its real limit). */
const RATE_LIMIT_SPECS = ['specs/rate-limit.spec.ts'];

/** Whether a scoped run of these files judges rate limiting, i.e. needs the target's real limit. */
export function judgesRateLimit(files: readonly string[]): boolean {
  return files.some((file) => RATE_LIMIT_SPECS.includes(file));
}

/** The spec files to run for a fault's primary check, or undefined for the whole gate. */
export function scopeFor(fault: Fault, root: string): string[] | undefined {
  const primary = fault.catches[0];
  const files = (primary === undefined ? [] : SPEC_FILES_BY_CHECK[primary] ?? []).filter((file) => existsSync(join(root, file)));
  return files.length > 0 ? [...files] : undefined;
}
