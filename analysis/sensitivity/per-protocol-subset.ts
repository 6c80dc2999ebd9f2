import type { TrialDataset } from '../dataset/types';
import { HORIZON_END } from '../outcomes/employment-days';

/**
 * The per-protocol population: IPS participants who received IPS (at least
 * one time log of `programmeRole` within the horizon) and control participants
 * who did not (no such log). Everyone else, and their rows, is left out.
 * Returns a reason instead when the data cannot tell who received IPS (no log
 * of that role at all) or an arm would be empty. O(rows).
 *
 * @example perProtocolSubset(dataset, 'ips_specialist')
 */
export function perProtocolSubset(
  dataset: TrialDataset,
  programmeRole: string,
): { dataset: TrialDataset; excluded: number } | { skipped: string } {
  const received = new Set(
    dataset.timelogs.filter((log) => log.role === programmeRole && log.day >= 0 && log.day <= HORIZON_END).map((log) => log.pid),
  );
  if (received.size === 0) {
    return { skipped: `no time log of role "${programmeRole}", so who received IPS cannot be told` };
  }
  const keep = new Set(
    dataset.participants.filter((p) => (p.arm === 'ips') === received.has(p.pid)).map((p) => p.pid),
  );
  for (const arm of ['ips', 'control'] as const) {
    if (!dataset.participants.some((p) => p.arm === arm && keep.has(p.pid))) {
      return { skipped: `no ${arm} participant was treated as allocated` };
    }
  }
  const kept = <Row extends { pid: string }>(rows: readonly Row[]) => rows.filter((row) => keep.has(row.pid));
  return {
    dataset: {
      ...dataset,
      participants: kept(dataset.participants),
      assessments: kept(dataset.assessments),
      serviceUse: kept(dataset.serviceUse),
      employment: kept(dataset.employment),
      timelogs: kept(dataset.timelogs),
    },
    excluded: dataset.participants.length - keep.size,
  };
}
