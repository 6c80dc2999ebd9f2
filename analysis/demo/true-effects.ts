/**
 * The known truth behind the synthetic demo trial (`ips-trial demo-data`).
 * Every number the generator draws from is here, so a test (or a sceptical
 * health economist) can check that the analysis recovers what was put in.
 *
 * Effects are chosen to resemble the seeds: about half of IPS participants in
 * regular (competitive) work by 18 months against about a quarter in usual
 * care (seed 000: "half employed within two years"; Malmö ~50 % vs ~10 %;
 * Projekt Inklusion 59.9 % vs 46.5 % in work or education), a small gain in
 * health-related quality of life, a higher programme cost (IPS specialists log
 * far more time than municipal coaches) and fewer psychiatric admissions.
 */

/** Sites (strata) of the demo trial with their share of participants (seed 000: Örebro affective and DBT units, county parts). */
export const DEMO_SITES = { 'ORE-AFF': 0.3, 'ORE-DBT': 0.15, NORR: 0.3, VAST: 0.25 } as const;

export const TRUE_EFFECTS = {
  /** P(first competitive job starts on or before day 547, i.e. by 18 months) by arm, among those not withdrawn before */
  competitiveBy18Months: { ips: 0.5, control: 0.25 },
  /** P(a first competitive job starts in months 18–24) among those still without one */
  firstJobAfter18Months: { ips: 0.12, control: 0.06 },
  /** mean length of a competitive job in days (exponential) */
  meanJobDays: 220,
  /** P(another competitive job after one ends) */
  nextJob: { ips: 0.5, control: 0.3 },
  /** P(a second, overlapping part-time competitive job during a job) */
  overlappingJob: 0.1,
  /**
   * Shift of the latent health score (higher = worse) from month 6 onwards in
   * IPS; each EQ-5D level is round(base + loading·latent + noise), so this
   * lowers every dimension's expected level by about loading × 0.2.
   */
  ipsLatentHealthShift: -0.2,
  /** P(≥ 1 psychiatric admission in a 6-month period) in usual care; IPS multiplies it by the ratio below */
  admissionPerPeriod: 0.08,
  ipsAdmissionRatio: 0.75,
  /** staff contacts per month: IPS specialist (IPS arm, while in IPS) and municipal coach (usual care) */
  ipsContactsPerMonth: 4,
  coachContactsPerMonth: 0.6,
  /** share of IPS participants who never really engage in IPS (a few contacts only): per-protocol material */
  ipsNonEngaged: 0.1,
  /** share of participants who withdraw consent during follow-up */
  withdrawal: 0.08,
} as const;

/** Mean level per EQ-5D dimension at latent 0 (MO, SC, UA, PD, AD) and how strongly the latent score moves it. */
export const EQ5D_BASE_LEVELS = [1.6, 1.5, 2.6, 2.3, 3.0] as const;
export const EQ5D_LOADING = [0.5, 0.5, 0.8, 0.7, 0.9] as const;

/** Unit costs of the demo trial (SEK, 2025 prices; illustrative, in the range of `shared/reference/unit_costs`). */
export const DEMO_UNIT_COSTS: Readonly<Record<string, number>> = {
  psychiatrist_visit: 2900,
  nurse_visit: 1100,
  psychologist_visit: 1500,
  gp_visit: 1700,
  emergency_visit: 4200,
  social_worker_visit: 900,
  inpatient_day: 8400,
  'staff_hour:ips_specialist': 392,
  'staff_hour:municipal_coach': 350,
};

/** Mean visits per 6-month period at latent 0 (inpatient days come from admissions). */
export const SERVICE_MEANS: Readonly<Record<string, number>> = {
  psychiatrist_visit: 2,
  nurse_visit: 5,
  psychologist_visit: 3,
  gp_visit: 1.5,
  emergency_visit: 0.3,
  social_worker_visit: 3,
};
