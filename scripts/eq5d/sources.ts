/**
 * Metadata the reference CSVs do not carry: citation, DOI and notes of the
 * named per-set files (from ../shared/reference/valuesets/README.md), the
 * Australian 3L implausible-state values that the eq5d R package hard-codes
 * in R/eq5d3l.R, and notes used by the generator.
 */

export const EQ5D_PACKAGE = {
  repo: 'fragla/eq5d@bfdc7ca014bda447b38e5f4e68823b9ba4638a02',
  licence: 'Coefficients as published in the cited paper; transcribed from the eq5d R package (MIT licence, Fraser Morton). Using the EQ-5D questionnaire itself needs a EuroQol licence.',
} as const;

const named = (
  id: string,
  instrument: 'eq5d3l' | 'eq5d5l',
  kind: 'value-set' | 'crosswalk',
  country: string,
  method: string,
  citation: string,
  doi: string | null,
  sourceColumn: string,
  notes: string[] = [],
  extra: { derived?: boolean; isbn?: string } = {},
) => ({
  id, instrument, kind, country, method, citation, doi,
  pubmed: null, isbn: extra.isbn ?? null, url: null,
  derived: extra.derived ?? false,
  licence: extra.derived
    ? 'Computed for this project from published inputs (see citation); not a published value set.'
    : EQ5D_PACKAGE.licence,
  source: extra.derived
    ? `computed: van Hout 2012 probability matrix (crosswalk-probabilities.json) × ${'eq5d3l_SE_TTO_Burstrom2014'}; reference table ../shared/reference/valuesets/${id}.csv`
    : `${EQ5D_PACKAGE.repo} ${sourceColumn} (via ../shared/reference/valuesets/${id}.csv)`,
  notes,
});

const SE3L_NOTE =
  'Published experience-based TTO model: the constant 0.9694 is the value of 11111 (full health is not forced to 1). The eq5d R package uses this; eq5dsuite forces 11111 = 1. This project uses the published model.';

export const NAMED_SETS = [
  named('eq5d3l_UK_TTO_Dolan1997', 'eq5d3l', 'value-set', 'UK', 'TTO (MVH)',
    'Dolan P. Modeling valuations for EuroQol health states. Med Care 1997;35(11):1095–1108', '10.1097/00005650-199711000-00002',
    'data-raw/TTO.csv column UK'),
  named('eq5d3l_DK_TTO_WittrupJensen2009', 'eq5d3l', 'value-set', 'Denmark', 'TTO',
    'Wittrup-Jensen KU et al. Scand J Public Health 2009;37:459', '10.1177/1403494809105287',
    'data-raw/TTO.csv column Denmark'),
  named('eq5d3l_SE_TTO_Burstrom2014', 'eq5d3l', 'value-set', 'Sweden', 'experience-based TTO',
    'Burström K et al. Swedish experience-based value sets for EQ-5D health states. Qual Life Res 2014;23:431', '10.1007/s11136-013-0496-4',
    'data-raw/TTO.csv column Sweden', [SE3L_NOTE]),
  named('eq5d3l_DK_VAS_Szende2007', 'eq5d3l', 'value-set', 'Denmark', 'VAS',
    'Szende A, Oppe M, Devlin N (eds). EQ-5D Value Sets: Inventory, Comparative Review and User Guide. Springer 2007 (ISBN 1-4020-5511-0)', null,
    'data-raw/VAS.csv column Denmark', [], { isbn: '1-4020-5511-0' }),
  named('eq5d3l_UK_VAS_Szende2007', 'eq5d3l', 'value-set', 'UK', 'VAS',
    'Szende A, Oppe M, Devlin N (eds). EQ-5D Value Sets: Inventory, Comparative Review and User Guide. Springer 2007 (ISBN 1-4020-5511-0)', null,
    'data-raw/VAS.csv column UK', [], { isbn: '1-4020-5511-0' }),
  named('eq5d5l_England_Devlin2018', 'eq5d5l', 'value-set', 'England', 'EQ-VT (hybrid cTTO + DCE)',
    'Devlin NJ et al. Valuing health-related quality of life: an EQ-5D-5L value set for England. Health Econ 2018;27:7', '10.1002/hec.3564',
    'data-raw/VT.csv column England'),
  named('eq5d5l_DK_Jensen2021', 'eq5d5l', 'value-set', 'Denmark', 'EQ-VT (hybrid cTTO + DCE)',
    'Jensen CE et al. The Danish EQ-5D-5L value set. Appl Health Econ Health Policy 2021;19:579', '10.1007/s40258-021-00639-3',
    'data-raw/VT.csv column Denmark'),
  named('eq5d5l_SE_Sun2022', 'eq5d5l', 'value-set', 'Sweden', 'EQ-VT (cTTO), social value set',
    'Sun S et al. Health Qual Life Outcomes 2022;20:167', '10.1186/s12955-022-02083-w',
    'data-raw/VT.csv column Sweden_2022'),
  named('eq5d5l_SE_Burstrom2020_expTTO', 'eq5d5l', 'value-set', 'Sweden', 'experience-based TTO',
    'Burström K et al. PharmacoEconomics 2020;38:839', '10.1007/s40273-020-00905-7',
    'data-raw/VT.csv column Sweden_2020',
    ['Constant 0.9755 (value of 11111) and N5 −0.0023 added once if any dimension is at level 5.',
      'The paper has TTO and VAS models; the eq5d R package has one Sweden_2020 set, taken to be the TTO model (55555 = 0.243). Not confirmed against the paper.']),
  named('eq5d5l_UK_Rowen2026', 'eq5d5l', 'value-set', 'UK', 'EQ-VT',
    'Rowen D et al. Value Health 2026 (UK EQ-5D-5L value set)', '10.1016/j.jval.2026.03.008',
    'data-raw/VT.csv column UK'),
  named('crosswalk_5L_to_3L_UK_vanHout2012', 'eq5d5l', 'crosswalk', 'UK', 'crosswalk EQ-5D-5L → EQ-5D-3L (van Hout et al. 2012)',
    'van Hout B et al. Interim scoring for the EQ-5D-5L: mapping the EQ-5D-5L to EQ-5D-3L value sets. Value Health 2012;15:708–715; UK 3L TTO values', '10.1016/j.jval.2012.02.008',
    'data-raw/CW.csv column UK', ['Published table values, 3 decimals.']),
  named('crosswalk_5L_to_3L_DK_vanHout2012', 'eq5d5l', 'crosswalk', 'Denmark', 'crosswalk EQ-5D-5L → EQ-5D-3L (van Hout et al. 2012)',
    'van Hout B et al. Interim scoring for the EQ-5D-5L: mapping the EQ-5D-5L to EQ-5D-3L value sets. Value Health 2012;15:708–715; Danish 3L TTO values', '10.1016/j.jval.2012.02.008',
    'data-raw/CW.csv column Denmark', ['Published table values, 3 decimals.']),
  named('crosswalk_5L_to_3L_SE_DERIVED_notpublished', 'eq5d5l', 'crosswalk', 'Sweden', 'crosswalk EQ-5D-5L → EQ-5D-3L, DERIVED (not published)',
    'DERIVED, NOT PUBLISHED: van Hout et al. 2012 probability matrix (Value Health 2012;15:708, doi:10.1016/j.jval.2012.02.008) applied to the Swedish 3L experience-based TTO set (Burström 2014, doi:10.1007/s11136-013-0496-4)', null,
    '', ['DERIVED — no published Swedish crosswalk exists; computed at full precision as Σ over 243 3L states of Π P(3L level | 5L level) × Swedish 3L value.', SE3L_NOTE],
    { derived: true }),
];

/** eq5d R package, R/eq5d3l.R `.australiaImplausible()`: fixed values for 22 implausible 3L states. */
export const AUSTRALIA_IMPLAUSIBLE: Record<string, number> = {
  '12133': 0.154, '12233': 0.101, '13133': 0.154, '13233': 0.101, '13332': 0.02, '13333': 0.02,
  '22133': 0.086, '22233': 0.033, '23133': 0.086, '23233': 0.033, '23332': -0.048, '23333': -0.048,
  '32133': -0.083, '32233': -0.136, '32333': -0.206, '33132': -0.045, '33133': -0.083, '33232': -0.098,
  '33233': -0.136, '33323': -0.199, '33332': -0.217, '33333': -0.217,
};

export const ZIMBABWE_NOTE =
  'The 3L model here (eq5d R package) gives 11111 = 1 and applies the −0.1 "any problem" term only when a dimension is above level 1; the published van Hout crosswalk column for Zimbabwe has 11111 = 0.9. Both are copied as published; they differ.';
