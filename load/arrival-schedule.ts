// Open-model arrival plan: request k is due at start + k / rate, whatever happened to the ones
// before it. Connections claim arrivals in order; latency is measured from the planned time, so a
// server that stalls is charged for every request that had to wait (no coordinated omission).
import type { ScheduleRecord } from './raw-record.js';

/** A request sent more than this after its planned time counts as not sent on time. */
export const DEFAULT_LATE_AFTER_MS = 10;

export class ArrivalSchedule {
  private claimed = 0;
  private sentCount = 0;
  private lateCount = 0;
  private planned: number;
  private plannedSeconds: number;

  constructor(
    readonly rate: number,
    /** Unix ms of arrival 0. */
    readonly startAt: number,
    readonly seconds: number,
    readonly lateAfterMs = DEFAULT_LATE_AFTER_MS,
  ) {
    this.planned = Math.max(0, Math.floor(rate * seconds));
    this.plannedSeconds = seconds;
  }

  /** Planned time (Unix ms) of the next unclaimed arrival, or undefined when the plan is used up. */
  claim(): number | undefined {
    if (this.claimed >= this.planned) return undefined;
    const at = this.startAt + (this.claimed * 1000) / this.rate;
    this.claimed += 1;
    return at;
  }

  /** The claimed arrival planned for `plannedAt` left at `sentAt`. */
  sent(plannedAt: number, sentAt: number): void {
    this.sentCount += 1;
    if (sentAt - plannedAt > this.lateAfterMs) this.lateCount += 1;
  }

  /** Ends the plan early (interrupt): arrivals due after `at` were never planned. */
  close(at: number): void {
    const due = Math.max(0, Math.ceil(((at - this.startAt) * this.rate) / 1000));
    this.planned = Math.min(this.planned, Math.max(due, this.sentCount));
    this.claimed = Math.min(this.claimed, this.planned);
    this.plannedSeconds = Math.min(this.plannedSeconds, Math.max(0, (at - this.startAt) / 1000));
  }

  get exhausted(): boolean {
    return this.claimed >= this.planned;
  }

  record(): ScheduleRecord {
    return {
      plannedRate: this.rate,
      seconds: this.plannedSeconds,
      planned: this.planned,
      sent: this.sentCount,
      late: this.lateCount,
      notSent: Math.max(0, this.planned - this.sentCount),
      lateAfterMs: this.lateAfterMs,
    };
  }
}
