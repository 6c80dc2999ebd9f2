/**
 * The default unit-cost table of an export when the study has not set its
 * own (app setting "unit_costs", or `ips-trial export --unit-costs <csv>`).
 * Copied from ../shared/reference/unit_costs/unit_costs_SE.csv (latest price
 * year of each item; SEK). Source ids: SE1 = trial application, seed 000 §9;
 * SE2 = Vårdgivarguiden, Ersättning för utomlänspatienter (2024); SE4 =
 * Socialstyrelsen payment per bed-day for discharge-ready patients (2022).
 * PROXY rows price a neighbouring item; two items had no sourced value and
 * carry a stated proxy (marked "no source"): replace them before analysis.
 * Price years are mixed (2015–2024): the README of each export says so.
 */
export interface DefaultUnitCost {
  item: string;
  unit_cost: number;
  price_year: number;
  note: string;
}

export const DEFAULT_UNIT_COSTS: readonly DefaultUnitCost[] = [
  { item: 'psychiatrist_visit', unit_cost: 2093, price_year: 2024, note: 'SE2 primary-care physician visit (PROXY for specialist psychiatry)' },
  { item: 'nurse_visit', unit_cost: 930, price_year: 2024, note: 'SE2 visit to other health staff (PROXY)' },
  { item: 'psychologist_visit', unit_cost: 930, price_year: 2024, note: 'SE2 visit to other health staff (PROXY)' },
  { item: 'social_worker_visit', unit_cost: 930, price_year: 2024, note: 'SE2 visit to other health staff (PROXY for kurator)' },
  { item: 'gp_visit', unit_cost: 2093, price_year: 2024, note: 'SE2 primary-care physician visit (SOURCE)' },
  { item: 'emergency_visit', unit_cost: 2093, price_year: 2024, note: 'no source: physician visit price used as a stated proxy' },
  { item: 'inpatient_day', unit_cost: 9300, price_year: 2022, note: 'SE4 payment per bed-day, discharge-ready patients (PROXY)' },
  { item: 'social_services_contact', unit_cost: 930, price_year: 2024, note: 'no source: non-physician visit price used as a stated proxy' },
  { item: 'phone_or_video_contact:physician', unit_cost: 500, price_year: 2024, note: 'SE2 digital contact, physician (SOURCE)' },
  { item: 'phone_or_video_contact:psychologist_or_counsellor', unit_cost: 425, price_year: 2024, note: 'SE2 digital contact, psychologist or kurator (SOURCE)' },
  { item: 'phone_or_video_contact:other_staff', unit_cost: 275, price_year: 2024, note: 'SE2 digital contact, other staff (SOURCE)' },
  { item: 'staff_hour:ips_specialist', unit_cost: 362.1, price_year: 2015, note: 'SE1 seed 000 §9, per paid hour incl. 30 % overhead (ESTIMATE)' },
  { item: 'staff_hour:municipal_coach', unit_cost: 362.1, price_year: 2015, note: 'SE1 same basis as the IPS specialist (ESTIMATE)' },
  { item: 'staff_hour:other', unit_cost: 362.1, price_year: 2015, note: 'SE1 same basis as the IPS specialist (ESTIMATE)' },
];
