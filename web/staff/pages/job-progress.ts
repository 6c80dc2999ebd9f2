/**
 * Live progress of a running ICER report or export on the reports page: the
 * line of a running job asks the server for its status every second and
 * redraws itself (percent, stage) until the job is done or failed — no
 * reload. Polling stops as soon as the line has left the page (another page
 * was opened, or the list was redrawn).
 */
import { getJson } from '../staff-api';

export const POLL_MS = 1000;

/**
 * Keeps `line` up to date: `draw(job)` gives the new content for a job, and
 * `running(job)` says whether to keep asking. `url` answers the one job.
 */
export function followJob<T>(line: HTMLElement, url: string, read: (answer: unknown) => T, running: (job: T) => boolean, draw: (job: T) => (Node | string)[], onFinished?: (job: T) => void): void {
  const tick = async () => {
    if (!line.isConnected) return;
    let job: T;
    try {
      job = read(await getJson(url));
    } catch {
      setTimeout(() => void tick(), POLL_MS * 3); // a passing failure: try again a little later
      return;
    }
    if (!line.isConnected) return;
    line.replaceChildren(...draw(job));
    if (running(job)) setTimeout(() => void tick(), POLL_MS);
    else onFinished?.(job);
  };
  setTimeout(() => void tick(), POLL_MS);
}
