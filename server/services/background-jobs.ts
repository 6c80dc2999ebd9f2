/**
 * The queue of background jobs (exports and ICER reports, each a worker
 * thread with its own database connection and up to hundreds of MB of
 * memory): at most `limit` run at once (by default one per core, at least
 * one); the others wait in order of request and start as one finishes. One
 * person may have at most `perPerson` jobs waiting or running; one more is
 * refused (429) with a sentence saying so, rather than queued without end.
 * The position of a waiting job is shown with it (`queuePosition`, 1 = next).
 * One queue per running server (createApp); nothing here touches the
 * database.
 */
import { problems } from '../errors';

export interface JobLimits {
  /** jobs running at once */
  limit: number;
  /** jobs one person may have waiting or running */
  perPerson: number;
}

interface Job {
  key: string;
  owner: number | null;
  /** starts the job; calls `finished` exactly once when it has ended, however it ended */
  start: (finished: () => void) => void;
}

export class BackgroundJobs {
  private readonly running = new Map<string, Job>();
  private readonly waiting: Job[] = [];

  constructor(readonly limits: JobLimits) {
    if (!(limits.limit >= 1) || !(limits.perPerson >= 1)) throw new Error('background job limits must be at least 1');
  }

  /** Refuses (429) when `owner` already has `perPerson` jobs waiting or running; call before creating the job's row. */
  checkRoomFor(owner: number | null): void {
    if (owner === null) return;
    const mine = [...this.running.values(), ...this.waiting].filter((job) => job.owner === owner).length;
    if (mine >= this.limits.perPerson) {
      throw problems.tooManyJobs(mine, this.limits.perPerson);
    }
  }

  /** Runs `start` now if a place is free, else queues it. `key` names the job (e.g. 'report:12'). */
  submit(key: string, owner: number | null, start: Job['start']): void {
    this.checkRoomFor(owner);
    this.waiting.push({ key, owner, start });
    this.startWaiting();
  }

  /** 1 for the next job to start, 2 after it…; null when `key` is running or not known. */
  queuePosition(key: string): number | null {
    const index = this.waiting.findIndex((job) => job.key === key);
    return index < 0 ? null : index + 1;
  }

  get counts(): { running: number; waiting: number } {
    return { running: this.running.size, waiting: this.waiting.length };
  }

  private startWaiting(): void {
    while (this.running.size < this.limits.limit && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running.set(job.key, job);
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        this.running.delete(job.key);
        this.startWaiting();
      };
      try {
        job.start(finished);
      } catch (error) {
        finished();
        throw error;
      }
    }
  }
}

/**
 * For a job's end, however many times a worker reports it (message, error,
 * exit): runs the first `work` only, then `after` (freeing the job's place)
 * even when `work` throws.
 */
export function settleOnce(after: () => void): (work: () => void) => void {
  let settled = false;
  return (work) => {
    if (settled) return;
    settled = true;
    try {
      work();
    } finally {
      after();
    }
  };
}
