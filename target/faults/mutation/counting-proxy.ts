// A pass-through HTTP proxy in front of the target that numbers and timestamps every request,
// so a report can say how many requests the gate needed before it found a fault.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { freePort } from './free-port.js';

export interface SeenRequest {
  /** 1-based position in the run. */
  seq: number;
  /** When the proxy received it (epoch milliseconds). */
  at: number;
  method: string;
  path: string;
  status: number;
}

export interface CountingProxy {
  /** Base URL to give the gate: same path prefix as the target's. */
  baseUrl: string;
  readonly requests: readonly SeenRequest[];
  close(): Promise<void>;
}

export async function startCountingProxy(targetBaseUrl: string): Promise<CountingProxy> {
  const target = new URL(targetBaseUrl);
  const requests: SeenRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const seen: SeenRequest = {
      seq: requests.length + 1,
      at: Date.now(),
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      status: 0,
    };
    requests.push(seen);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        // The Host header stays the proxy's, so the target's absolute links point back here.
        headers: incoming.headers,
      },
      (answer) => {
        seen.status = answer.statusCode ?? 0;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end('{"message":"The target did not answer the proxy."}');
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 5000;
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, '')}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
