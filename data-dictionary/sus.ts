/**
 * SUS (System för uppföljning av samverkan, the coordination associations'
 * shared follow-up system) as data: the order in which SUS asks for the
 * start and end registration of a participant, the fields it needs of a
 * participant registered with consent (an anonymous participant gives only
 * sex, age group and the dates), and SUS's age groups. One module for the
 * server (SUS sheets, due list, follow-up report) and the staff pages
 * (printed sheet). The categories follow SUS's registration as described in
 * the user guidance on susam.se; check them against the current guidance
 * (docs/sus.md).
 */

export type SusKind = 'start' | 'end';

/** Form fields in SUS's order, per registration. */
export const SUS_ORDER: Readonly<Record<SusKind, readonly string[]>> = {
  start: ['sus_start_date', 'sus_consent', 'sus_support_before', 'sus_work_before_pct', 'sus_study_before_pct', 'sus_education_level', 'sus_support_time'],
  end: ['sus_end_date', 'sus_end_reason', 'sus_work_after_pct', 'sus_work_subsidised', 'sus_study_after_pct', 'sus_support_after'],
};

export const SUS_FORM: Readonly<Record<SusKind, string>> = { start: 'sus_start', end: 'sus_end' };

/** Fields SUS needs for a participant registered with consent (all but the optional wage-subsidy flag). */
const CONSENTED_NEEDS: Readonly<Record<SusKind, readonly string[]>> = {
  start: SUS_ORDER.start,
  end: ['sus_end_date', 'sus_end_reason', 'sus_work_after_pct', 'sus_study_after_pct', 'sus_support_after'],
};
/** Fields SUS needs for an anonymous participant (sex and age group come from the baseline form). */
const ANONYMOUS_NEEDS: Readonly<Record<SusKind, readonly string[]>> = { start: ['sus_start_date', 'sus_consent'], end: ['sus_end_date'] };

/** The fields SUS needs for this registration that are still empty (consent null: not yet known, as with consent). */
export function missingSusFields(kind: SusKind, answers: Record<string, unknown>, consent: boolean | null): string[] {
  const needs = consent === false ? ANONYMOUS_NEEDS[kind] : CONSENTED_NEEDS[kind];
  return needs.filter((name) => {
    const value = answers[name];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
}

/** SUS's age groups for anonymous participants and the report, by age in whole years. */
export const SUS_AGE_GROUPS: readonly { code: string; from: number; to: number }[] = [
  { code: '16-19', from: 0, to: 19 },
  { code: '20-24', from: 20, to: 24 },
  { code: '25-29', from: 25, to: 29 },
  { code: '30-39', from: 30, to: 39 },
  { code: '40-49', from: 40, to: 49 },
  { code: '50-59', from: 50, to: 59 },
  { code: '60+', from: 60, to: 200 },
];

/** The age group of someone born in `birthYear` in the year of `date` (YYYY-MM-DD); null without a birth year. */
export function susAgeGroup(birthYear: number | null | undefined, date: string): string | null {
  if (typeof birthYear !== 'number') return null;
  const age = Number(date.slice(0, 4)) - birthYear;
  return SUS_AGE_GROUPS.find((g) => age >= g.from && age <= g.to)?.code ?? null;
}
