// Runs one phase of load through autocannon and feeds every response to a LoadRecorder.
//
// Why not autocannon's own `overallRate`: it lets each connection send its share of a second's
// requests as fast as it can and then pause (bursts, not arrivals), and corrects coordinated
// omission with an expected interval of Math.ceil(1 / rate) ms, i.e. 1 ms whatever the rate.
// Here each connection is gated instead: before autocannon writes a request, the connection
// claims the next planned arrival and waits for its time; the latency is measured from that
// planned time (open model). Closed-model phases keep autocannon's send-on-response loop.
//
// autocannon is pinned (9.0.0); the gate wraps the per-connection Client#_doRequest, the one
// place every request of a connection passes through (first request, next request, reconnect).
import autocannon from 'autocannon';
import { ArrivalSchedule, DEFAULT_LATE_AFTER_MS } from './arrival-schedule.js';
import { nowMs } from './clock.js';
import type { ScheduleRecord } from './raw-record.js';
import type { LoadRecorder } from './recorder.js';

export interface RequestSpec {
  /** Operation name for the report, e.g. `list tickets`. */
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Absolute path on the target, base path included: `/api/tickets?page=2`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Opaque to the runner: handed back with the response (journey step, token index, ...). */
  context?: unknown;
}

export interface RequestSource {
  /** The next request for a connection; called just before it is written. */
  next(connection: number): RequestSpec;
}

export interface CompletedRequest {
  spec: RequestSpec;
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  plannedAt: number;
  sentAt: number;
  completedAt: number;
}

export interface PhaseOptions {
  /** The profile's base URL; every request goes to its origin and under its path. */
  baseUrl: string;
  connections: number;
  seconds: number;
  /** Open model: arrivals per second. Absent: closed model (each connection sends on response). */
  rate?: number;
  lateAfterMs?: number;
  source: RequestSource;
  recorder: LoadRecorder;
  timeoutSeconds?: number;
  onResponse?: (completed: CompletedRequest) => void;
  onFailure?: (spec: RequestSpec, timedOut: boolean) => void;
  /** Stops sending at once; the phase ends when what is in flight has answered. */
  signal?: AbortSignal;
}

export interface PhaseOutcome {
  startedAt: number;
  finishedAt: number;
  schedule?: ScheduleRecord;
}

interface InFlight {
  spec?: RequestSpec;
  plannedAt: number;
  sentAt: number;
}

/** The private surface of autocannon's Client that the gate relies on. */
interface GatedClient extends autocannon.Client {
  _doRequest(): void;
  destroyed: boolean;
}

const START_LEAD_MS = 20;

export function runPhase(options: PhaseOptions): Promise<PhaseOutcome> {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const open = options.rate !== undefined;
  const startedAt = nowMs() + START_LEAD_MS;
  const endAt = startedAt + options.seconds * 1000;
  const timeoutSeconds = options.timeoutSeconds ?? 10;
  const schedule = open ? new ArrivalSchedule(options.rate as number, startedAt, options.seconds, options.lateAfterMs ?? DEFAULT_LATE_AFTER_MS) : undefined;

  const connections: Array<{ inflight?: InFlight; lost?: InFlight; timer?: NodeJS.Timeout; current?: RequestSpec; headers: Record<string, string>; body: string }> = [];
  let sending = true;
  let finished = false;
  let finishedAt = 0;
  let instance: autocannon.Instance | undefined;

  if (options.signal?.aborted) {
    schedule?.close(startedAt);
    return Promise.resolve({ startedAt, finishedAt: startedAt, ...(schedule ? { schedule: schedule.record() } : {}) });
  }

  return new Promise<PhaseOutcome>((resolve, reject) => {
    const finish = (): void => {
      if (finished) return;
      finished = true;
      finishedAt = nowMs();
      clearInterval(watchdog);
      options.signal?.removeEventListener('abort', onAbort);
      for (const state of connections) if (state.timer) clearTimeout(state.timer);
      instance?.stop();
    };
    const planOver = (): boolean => !sending || (schedule ? schedule.exhausted && connections.every((s) => !s.timer) : nowMs() >= endAt);
    const maybeFinish = (): void => {
      if (planOver() && connections.every((state) => !state.inflight)) finish();
    };
    const onAbort = (): void => {
      sending = false;
      schedule?.close(nowMs());
      for (const state of connections) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = undefined;
      }
      maybeFinish();
    };
    options.signal?.addEventListener('abort', onAbort);
    // Ends the phase even if a request never answers (the target hangs past every timeout).
    const drainLimit = endAt + (timeoutSeconds + 2) * 1000;
    const watchdog = setInterval(() => {
      if (nowMs() >= drainLimit) finish();
      else maybeFinish();
    }, 50);

    const setupClient = (rawClient: autocannon.Client): void => {
      const client = rawClient as GatedClient;
      const index = connections.length;
      const state: (typeof connections)[number] = { headers: {}, body: '' };
      connections.push(state);
      const write = client._doRequest.bind(client);

      const fail = (lost: InFlight, timedOut: boolean): void => {
        const spec = lost.spec ?? state.current;
        if (!spec) return;
        options.recorder.failure(spec.label, nowMs(), timedOut);
        options.onFailure?.(spec, timedOut);
      };
      const fire = (plannedAt: number | undefined): void => {
        state.timer = undefined;
        if (client.destroyed || finished) return;
        if (state.inflight) {
          // The previous request was lost (timeout or closed connection) and autocannon is
          // sending again; the 'timeout' event that may follow classifies it.
          const lost = state.inflight;
          state.lost = lost;
          setImmediate(() => {
            if (state.lost === lost) {
              state.lost = undefined;
              fail(lost, false);
            }
          });
        }
        const sentAt = nowMs();
        if (plannedAt !== undefined) schedule?.sent(plannedAt, sentAt);
        const inflight: InFlight = { plannedAt: plannedAt ?? sentAt, sentAt };
        state.inflight = inflight;
        write();
        inflight.spec = state.current;
      };
      client._doRequest = () => {
        if (client.destroyed || finished || !sending) return maybeFinish();
        if (!schedule) {
          if (nowMs() >= endAt) return maybeFinish();
          return fire(undefined);
        }
        if (state.timer) return;
        const plannedAt = schedule.claim();
        if (plannedAt === undefined) return maybeFinish();
        const wait = plannedAt - nowMs();
        if (wait >= 1) state.timer = setTimeout(() => fire(plannedAt), wait);
        else fire(plannedAt);
      };

      client.setRequests([
        {
          method: 'GET',
          path: basePath || '/',
          setupRequest: (request) => {
            const spec = options.source.next(index);
            if (!spec.path.startsWith(`${basePath}/`) && spec.path !== basePath) {
              throw new Error(`request path ${spec.path} is outside the profile's base URL ${options.baseUrl}`);
            }
            state.current = spec;
            return { ...request, method: spec.method, path: spec.path, headers: spec.headers, body: spec.body ?? '' };
          },
          // Headers and body only when the scenario reads them: autocannon converts the raw
          // headers for every response it hands over, which costs throughput.
          ...(options.onResponse
            ? {
                onResponse: (_status: number, body: string, _context: object, headers?: Record<string, unknown>) => {
                  state.body = body;
                  state.headers = lowerCase(headers ?? {});
                },
              }
            : {}),
        },
      ]);
      client.on('response', (status: number, _bytes: number, responseTimeMs: number) => {
        const inflight = state.inflight;
        state.inflight = undefined;
        const spec = inflight?.spec ?? state.current;
        if (!inflight || !spec) return;
        const completedAt = nowMs();
        const serviceUs = responseTimeMs * 1000;
        options.recorder.response({
          label: spec.label,
          status,
          // From the planned time when sent late (queueing counts), from the send when early.
          latencyUs: open ? (completedAt - Math.min(inflight.plannedAt, inflight.sentAt)) * 1000 : serviceUs,
          serviceUs,
          at: completedAt,
        });
        options.onResponse?.({ spec, status, headers: state.headers, body: state.body, plannedAt: inflight.plannedAt, sentAt: inflight.sentAt, completedAt });
        state.headers = {};
        state.body = '';
      });
      const events: NodeJS.EventEmitter = client;
      events.on('timeout', () => {
        const lost = state.lost ?? state.inflight;
        if (state.lost) state.lost = undefined;
        else state.inflight = undefined;
        if (lost) fail(lost, true);
        maybeFinish();
      });
      events.on('connError', () => {
        const lost = state.inflight;
        state.inflight = undefined;
        if (lost) fail(lost, false);
      });
    };

    instance = autocannon(
      {
        url: base.origin + (basePath || '/'),
        connections: Math.max(1, Math.floor(options.connections)),
        // Stopped by the gate once the plan is over and drained; this is only a backstop.
        duration: options.seconds + timeoutSeconds + 5,
        timeout: timeoutSeconds,
        pipelining: 1,
        sampleInt: 50,
        skipAggregateResult: true,
        setupClient,
      },
      (error: unknown) => {
        finish();
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({ startedAt, finishedAt, ...(schedule ? { schedule: schedule.record() } : {}) });
      },
    );
    // The plan may be over before autocannon even returned (no arrival due at all).
    if (finished) instance.stop();
  });
}

function lowerCase(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  return result;
}
