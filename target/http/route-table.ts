// The paths the app serves and their methods, collected from the registered routes, so an
// unmatched request can be told apart: a known path with another method (405) or an unknown
// path (404).

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface Template {
  url: string;
  pattern: RegExp;
  methods: Set<string>;
}

export class RouteTable {
  private readonly templates = new Map<string, Template>();

  add(url: string, methods: string | string[]): void {
    let template = this.templates.get(url);
    if (!template) {
      const source = url
        .split('/')
        .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      template = { url, pattern: new RegExp(`^${source}$`), methods: new Set() };
      this.templates.set(url, template);
    }
    for (const method of Array.isArray(methods) ? methods : [methods]) template.methods.add(method.toUpperCase());
  }

  /** Methods served at this concrete path, in the usual order; empty for an unknown path. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const template of this.templates.values()) {
      if (template.pattern.test(path)) for (const method of template.methods) methods.add(method);
    }
    return [...methods].sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
  }
}

/** `/api/tickets/:ticket` → `/tickets/{ticket}` (the contract's path, relative to `/api`). */
export function contractPath(routeUrl: string): string {
  const withoutPrefix = routeUrl.startsWith('/api/') ? routeUrl.slice(4) : routeUrl;
  return withoutPrefix.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
