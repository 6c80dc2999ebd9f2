/**
 * Service use of the demo trial, reported on the participant form for the
 * 6 months before each completed questionnaire (only where `su_complete` = 1;
 * items with zero use are not listed). Use rises with ill-health; IPS lowers
 * the chance of a psychiatric admission after randomization.
 */
import type { AssessmentRow, ServiceUseRow } from '../dataset/types';
import { latentHealth } from './demo-assessments';
import type { DemoPerson } from './demo-people';
import type { DemoPrng } from './prng';
import { SERVICE_MEANS, TRUE_EFFECTS } from './true-effects';

function admissionProbability(person: DemoPerson, latent: number, afterRandomization: boolean): number {
  const ratio = person.row.arm === 'ips' && afterRandomization ? TRUE_EFFECTS.ipsAdmissionRatio : 1;
  return Math.min(0.9, TRUE_EFFECTS.admissionPerPeriod * Math.exp(0.5 * latent) * ratio);
}

/** Draws the service-use rows for every assessment whose service-use form is complete. */
export function drawDemoServiceUse(people: DemoPerson[], assessments: AssessmentRow[], prng: DemoPrng): ServiceUseRow[] {
  const byPid = new Map(people.map((person) => [person.row.pid, person]));
  const rows: ServiceUseRow[] = [];
  for (const assessment of assessments) {
    if (assessment.su_complete !== 1) continue;
    const person = byPid.get(assessment.pid);
    if (!person) continue;
    const latent = latentHealth(person, assessment.timepoint);
    const report = (item: string, quantity: number): void => {
      if (quantity > 0) rows.push({ pid: person.row.pid, timepoint: assessment.timepoint, item, quantity });
    };
    for (const [item, mean] of Object.entries(SERVICE_MEANS)) {
      report(item, prng.poisson(mean * Math.exp(0.3 * latent)));
    }
    let inpatientDays = 0;
    if (prng.bernoulli(admissionProbability(person, latent, assessment.timepoint > 0))) {
      inpatientDays = 1 + prng.poisson(11);
    }
    report('inpatient_day', inpatientDays);
  }
  return rows;
}
