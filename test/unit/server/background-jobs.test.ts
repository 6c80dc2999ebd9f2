/**
 * The queue of exports and reports: never more running than the limit, the
 * rest started in order of request as places free, a position for each
 * waiting job, and a person's share capped.
 */
import { describe, expect, it } from 'vitest';
import { BackgroundJobs } from '../../../server/services/background-jobs';
import { Problem } from '../../../server/errors';

/** A job that runs until the test ends it. */
function controllableJobs(limit: number, perPerson: number) {
  const jobs = new BackgroundJobs({ limit, perPerson });
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const submit = (key: string, owner: number | null) =>
    jobs.submit(key, owner, (finished) => {
      started.push(key);
      finishers.set(key, finished);
    });
  const finish = (key: string) => finishers.get(key)!();
  return { jobs, started, submit, finish };
}

describe('background jobs', () => {
  it('runs at most `limit` at once and starts the waiting ones in order as places free', () => {
    const { jobs, started, submit, finish } = controllableJobs(2, 10);
    for (const key of ['a', 'b', 'c', 'd']) submit(key, 1);
    expect(started).toEqual(['a', 'b']);
    expect(jobs.counts).toEqual({ running: 2, waiting: 2 });
    expect([jobs.queuePosition('a'), jobs.queuePosition('c'), jobs.queuePosition('d')]).toEqual([null, 1, 2]);
    finish('b');
    expect(started).toEqual(['a', 'b', 'c']);
    expect(jobs.queuePosition('d')).toBe(1);
    finish('a');
    finish('c');
    finish('d');
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(jobs.counts).toEqual({ running: 0, waiting: 0 });
  });

  it('frees a place only once however often a job reports that it ended', () => {
    const { jobs, started, submit, finish } = controllableJobs(1, 10);
    submit('a', 1);
    submit('b', 1);
    submit('c', 1);
    finish('a');
    finish('a');
    expect(started).toEqual(['a', 'b']);
    expect(jobs.counts).toEqual({ running: 1, waiting: 1 });
  });

  it('refuses a person’s job beyond their share with a 429 naming the limit, while others may still queue', () => {
    const { jobs, submit, finish } = controllableJobs(1, 2);
    submit('a', 7);
    submit('b', 7);
    let refused: unknown;
    try {
      jobs.checkRoomFor(7);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(429);
    expect((refused as Problem).code).toBe('too_many_jobs');
    expect((refused as Problem).message).toContain('at most 2');
    expect(() => submit('c', 7)).toThrow(Problem);
    expect(jobs.counts).toEqual({ running: 1, waiting: 1 });
    submit('x', 8);
    expect(jobs.queuePosition('x')).toBe(2);
    finish('a');
    expect(() => jobs.checkRoomFor(7)).not.toThrow();
  });

  it('frees the place of a job whose start throws', () => {
    const jobs = new BackgroundJobs({ limit: 1, perPerson: 5 });
    expect(() =>
      jobs.submit('broken', 1, () => {
        throw new Error('no worker');
      }),
    ).toThrow('no worker');
    expect(jobs.counts).toEqual({ running: 0, waiting: 0 });
  });
});
