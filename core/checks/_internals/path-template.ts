// Which documented path templates a concrete path matches (`/tickets/01hx` ~ `/tickets/{ticket}`).

import type { OperationModel } from '../../spec/model.js';

const compiled = new Map<string, RegExp>();

export function matchesTemplate(template: string, path: string): boolean {
  let pattern = compiled.get(template);
  if (pattern === undefined) {
    const body = trimSlashes(template)
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    pattern = new RegExp(`^${body}$`);
    compiled.set(template, pattern);
  }
  return pattern.test(trimSlashes(stripQuery(path)));
}

/** The documented operations whose template matches `path`, any method. */
export function operationsAtPath(operations: readonly OperationModel[], path: string): OperationModel[] {
  return operations.filter((operation) => matchesTemplate(operation.path, path));
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function stripQuery(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}
