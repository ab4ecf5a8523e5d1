// Which checks judge which exchanges, by concern. Every list starts with the checks any
// response of a documented operation must pass.

/** Any answer of a documented operation. */
export const RESPONSE_CHECKS = [
  'response-received',
  'status-documented',
  'content-type',
  'response-schema',
  'response-headers',
  'envelope',
  'no-server-error',
  'error-body',
] as const;

/** Valid generated requests: the above, and they must be accepted. */
export const OPERATION_CHECKS = [...RESPONSE_CHECKS, 'positive-accepted'] as const;

/** Invalid generated requests: refused with the right status and a usable 422 body. */
export const VALIDATION_CHECKS = [...RESPONSE_CHECKS, 'negative-rejected', 'validation-error-format', 'validation-error-fields'] as const;

export const AUTH_CHECKS = [...RESPONSE_CHECKS, 'auth-required', 'auth-invalid-token'] as const;
export const WORKSPACE_CHECKS = [...RESPONSE_CHECKS, 'workspace-header'] as const;
export const ISOLATION_CHECKS = [...RESPONSE_CHECKS, 'workspace-isolation'] as const;
export const ROLE_CHECKS = [...RESPONSE_CHECKS, 'role-permissions'] as const;

/** Undocumented methods and unknown paths: no operation, so no per-operation checks. */
export const ROUTING_CHECKS = ['response-received', 'unsupported-method', 'unknown-route', 'no-server-error', 'error-body'] as const;
