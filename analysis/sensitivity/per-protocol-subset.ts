import type { Arm, ParticipantRow, TrialDataset } from '../dataset/types';
import { HORIZON_END } from '../outcomes/employment-days';

/** The arm a participant was given: `arm_received` after an allocation correction, else the allocated `arm`. */
export const receivedArm = (participant: ParticipantRow): Arm => participant.arm_received ?? participant.arm;

/**
 * The per-protocol population, by the arm received (`arm_received` when an
 * allocation was corrected, otherwise the allocated arm): participants given
 * IPS who received it (at least one time log of `programmeRole` within the
 * horizon) and participants given usual care who did not (no such log). They
 * are analysed in the arm received; everyone else, and their rows, is left
 * out. The main analysis keeps the allocated `arm` (intention to treat).
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
  const participants = dataset.participants
    .filter((p) => (receivedArm(p) === 'ips') === received.has(p.pid))
    .map((p) => ({ ...p, arm: receivedArm(p) }));
  const keep = new Set(participants.map((p) => p.pid));
  for (const arm of ['ips', 'control'] as const) {
    if (!participants.some((p) => p.arm === arm)) {
      return { skipped: `no ${arm} participant was treated as allocated` };
    }
  }
  const kept = <Row extends { pid: string }>(rows: readonly Row[]) => rows.filter((row) => keep.has(row.pid));
  return {
    dataset: {
      ...dataset,
      participants,
      assessments: kept(dataset.assessments),
      serviceUse: kept(dataset.serviceUse),
      employment: kept(dataset.employment),
      timelogs: kept(dataset.timelogs),
    },
    excluded: dataset.participants.length - keep.size,
  };
}
