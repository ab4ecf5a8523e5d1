// While a scenario runs: one self-updating line on a terminal, plain periodic lines otherwise
// (CI logs). Writes to the given stream (stderr by default) so stdout stays for results.
import { nowMs } from './clock.js';
import { formatMicroseconds } from './metric-catalogue.js';
import type { LoadRecorder } from './recorder.js';

export interface ProgressOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Seconds between plain lines (not a terminal). */
  plainEverySeconds?: number;
  /** Nothing at all (tests). */
  quiet?: boolean;
}

export class Progress {
  private readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly tty: boolean;
  private timer: NodeJS.Timeout | undefined;
  private lineOpen = false;

  constructor(private readonly options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
  }

  /** Follows a recorder for `seconds` (planned), labelled `label`, until stop(). */
  watch(label: string, recorder: LoadRecorder, seconds: number): void {
    this.stop();
    if (this.options.quiet) return;
    const startedAt = nowMs();
    let lastRequests = 0;
    let lastAt = startedAt;
    const line = (): string => {
      const now = nowMs();
      const snapshot = recorder.snapshot();
      const rate = ((snapshot.requests - lastRequests) * 1000) / Math.max(1, now - lastAt);
      lastRequests = snapshot.requests;
      lastAt = now;
      const elapsed = Math.min(seconds, (now - startedAt) / 1000);
      return `${label}  ${elapsed.toFixed(1)}s/${seconds}s  ${snapshot.requests} responses  ${rate.toFixed(0)}/s  p99 ${formatMicroseconds(snapshot.p99)}  unexpected ${snapshot.unexpected}  no answer ${snapshot.errors}`;
    };
    if (this.tty) {
      this.timer = setInterval(() => {
        this.stream.write(`\r\x1b[K${line()}`);
        this.lineOpen = true;
      }, 500);
    } else {
      this.timer = setInterval(() => this.stream.write(`${line()}\n`), (this.options.plainEverySeconds ?? 5) * 1000);
    }
    this.timer.unref();
  }

  /** A one-off message (setup, clean-up, step results). */
  say(message: string): void {
    if (this.options.quiet) return;
    this.closeLine();
    this.stream.write(`${message}\n`);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.closeLine();
  }

  private closeLine(): void {
    if (this.lineOpen) this.stream.write('\r\x1b[K');
    this.lineOpen = false;
  }
}
