// Pacing that survives a worker restart. Playwright replaces a worker after a failed test; the
// new process starts with an empty pacer while the target still counts what the old one sent,
// and the first burst would meet a 429. The old worker leaves the send times of its last
// requests per key; the new one waits, before each of its first requests on a key, until the
// inherited sends it would exceed in one window have aged out.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Send times (ms since epoch) per pacing key, oldest first. */
export type SendLog = Record<string, number[]>;

export class InheritedPace {
  private readonly sent = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly inherited: SendLog,
    /** Requests a key may send per window. */
    private readonly limitOf: (key: string) => number,
    private readonly spanMs: number,
  ) {}

  /** Reads the log a previous worker of this slot left (and removes it). */
  static read(file: string): SendLog {
    if (!existsSync(file)) return {};
    try {
      const log = JSON.parse(readFileSync(file, 'utf8')) as SendLog;
      rmSync(file, { force: true });
      return log;
    } catch {
      return {};
    }
  }

  /** When the next request on `key` may go, given the inherited sends; reserves the slot. */
  reserve(key: string): number {
    const index = this.sent.get(key) ?? 0;
    this.sent.set(key, index + 1);
    const log = this.inherited[key] ?? [];
    const limit = this.limitOf(key);
    const older = log.length - limit + index;
    return older >= 0 && older < log.length ? (log[older] as number) + this.spanMs : 0;
  }

  /** Records a send, keeping the last `limit` per key. */
  record(key: string, at: number): void {
    const log = [...(this.recent.get(key) ?? []), at].sort((a, b) => a - b);
    this.recent.set(key, log.slice(-this.limitOf(key)));
  }

  /** Leaves the log for the next worker of this slot: inherited sends still in the window, and our own. */
  write(file: string, now = Date.now()): void {
    const log: SendLog = {};
    const keys = new Set([...Object.keys(this.inherited), ...this.recent.keys()]);
    for (const key of keys) {
      const merged = [...(this.inherited[key] ?? []), ...(this.recent.get(key) ?? [])].filter((at) => at + this.spanMs > now).sort((a, b) => a - b);
      if (merged.length > 0) log[key] = merged.slice(-this.limitOf(key));
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(log));
  }
}
