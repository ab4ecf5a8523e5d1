// A proxy in front of the reference target that breaks one rule of the contract on purpose:
// it can change a request before it goes on, answer in the target's place, or change the
// response. Each gate test puts one fault in front of a healthy target and demands that the
// conformance run names it with the right check id.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface ProxiedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Fault {
  /**
   * Changes the request in place, or answers it instead of the target: a response, `reset` (the
   * connection is destroyed without an answer) or `hang` (never answered; freed when the proxy closes).
   */
  request?(request: ProxiedRequest): ProxiedResponse | 'reset' | 'hang' | void;
  /** Changes the target's response in place. */
  response?(request: ProxiedRequest, response: ProxiedResponse): void;
}

export interface FaultyProxy {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request that reached the proxy. */
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startFaultyProxy(targetOrigin: string, fault: Fault): Promise<FaultyProxy> {
  const target = new URL(targetOrigin);
  const seen: ProxiedRequest[] = [];
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ProxiedRequest = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: { ...incoming.headers }, body: Buffer.concat(chunks) };
      seen.push(request);
      const answer = fault.request?.(request);
      if (answer === 'reset') return void incoming.socket.destroy();
      if (answer === 'hang') return;
      if (answer) return send(outgoing, answer);
      const headers = { ...request.headers, host: target.host, 'content-length': String(request.body.length) };
      const forward = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers }, (reply) => {
        const parts: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => parts.push(chunk));
        reply.on('end', () => {
          const response: ProxiedResponse = { status: reply.statusCode ?? 502, headers: { ...reply.headers }, body: Buffer.concat(parts) };
          fault.response?.(request, response);
          send(outgoing, response);
        });
      });
      forward.on('error', () => send(outgoing, { status: 502, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"message":"Bad gateway"}') }));
      forward.end(request.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(outgoing: http.ServerResponse, response: ProxiedResponse): void {
  const headers = { ...response.headers };
  delete headers['transfer-encoding'];
  headers['content-length'] = String(response.body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(response.body);
}

/** Replaces a JSON response body. */
export function jsonBody(response: ProxiedResponse, value: unknown): void {
  response.body = Buffer.from(JSON.stringify(value));
  response.headers['content-type'] = 'application/json';
}
