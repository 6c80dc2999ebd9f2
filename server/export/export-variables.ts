/**
 * The variables of each exported CSV file, with labels and value labels: the
 * single description behind data_dictionary.csv, the codebook and the
 * R/Stata/SPSS label scripts. Instrument items (EQ-5D, GSE), service-use
 * items, staff roles, activities, episode types and sex take their labels
 * from the data dictionary; the structural columns are described here.
 */
import { getField, getForm, type Choice, type Field, type Form, type Labels } from '../../data-dictionary/index';

export type VariableType = 'text' | 'integer' | 'number';

export interface ExportVariable {
  name: string;
  labels: Labels;
  type: VariableType;
  /** value labels; codes are text for text variables, numbers otherwise */
  choices?: Choice[];
  /** widest text value (SPSS/Stata string width) */
  width?: number;
}

export interface ExportFileSpec {
  file: string;
  /** Stata/SPSS/R data set name */
  dataset: string;
  labels: Labels;
  variables: ExportVariable[];
}

const L = (en: string, sv: string, da: string): Labels => ({ en, sv, da });
const choice = (code: string | number, labels: Labels): Choice => ({ code, labels });

function fromDictionary(form: string, field: string, name = field): ExportVariable {
  const f = getField(form, field) as Field;
  if (!f) throw new Error(`the data dictionary has no field ${form}.${field}`);
  const type: VariableType = f.type === 'choice' && typeof f.choices?.[0]?.code === 'string' ? 'text' : f.type === 'number' ? 'number' : 'integer';
  return { name, labels: f.labels, type, ...(f.choices ? { choices: f.choices } : {}), ...(type === 'text' ? { width: 40 } : {}) };
}

const pid: ExportVariable = { name: 'pid', labels: L('Pseudonymous participant id', 'Pseudonymt deltagar-id', 'Pseudonymt deltager-id'), type: 'text', width: 17 };
const timepoint: ExportVariable = {
  name: 'timepoint', type: 'integer', labels: L('Timepoint (months after randomization)', 'Mättillfälle (månader efter randomisering)', 'Måletidspunkt (måneder efter randomisering)'),
  choices: [0, 6, 12, 18, 24].map((m) => choice(m, m === 0 ? L('Baseline', 'Baslinje', 'Baseline') : L(`${m} months`, `${m} månader`, `${m} måneder`))),
};
const day = (en: string, sv: string, da: string): ExportVariable => ({ name: 'day', type: 'integer', labels: L(en, sv, da) });

const ARMS: Choice[] = [choice('ips', L('IPS', 'IPS', 'IPS')), choice('control', L('Usual care', 'Sedvanligt stöd', 'Sædvanlig indsats'))];
const NO_YES: Choice[] = [choice(0, L('No', 'Nej', 'Nej')), choice(1, L('Yes', 'Ja', 'Ja'))];

const AGE_BANDS = ['<18', '18-24', '25-29', '30-39', '40-49', '50-64', '65+', '<30', '30-49', '50+'];

function serviceItems(): Choice[] {
  const items = (getForm('service_use')?.fields ?? []).filter((f) => f.type === 'integer' || f.type === 'number');
  return items.map((f) => choice(f.costItem ?? f.name, f.labels));
}

function staffHourItems(): Choice[] {
  return (getField('time_log', 'staff_role')?.choices ?? []).map((c) =>
    choice(`staff_hour:${c.code}`, L(`Staff hour: ${c.labels.en}`, `Personaltimme: ${c.labels.sv}`, `Personaletime: ${c.labels.da}`)));
}

/** Every exported CSV file with its variables, in the order the columns are written. */
export function exportFileSpecs(eq5dForm: string): ExportFileSpec[] {
  const eq5d = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad', 'eq_vas'].map((f) => fromDictionary(eq5dForm, f));
  const gse = Array.from({ length: 10 }, (_, i) => fromDictionary('gse', `gse_${String(i + 1).padStart(2, '0')}`));
  return [
    { file: 'participants.csv', dataset: 'participants', labels: L('Randomized participants', 'Randomiserade deltagare', 'Randomiserede deltagere'), variables: [
      pid,
      { name: 'arm', type: 'text', width: 7, labels: L('Allocated arm (intention to treat)', 'Tilldelad grupp (intention to treat)', 'Tildelt gruppe (intention to treat)'),
        choices: ARMS },
      { name: 'site', type: 'text', width: 20, labels: L('Site (randomization stratum)', 'Enhet (randomiseringsstratum)', 'Enhed (randomiseringsstratum)') },
      { ...fromDictionary('baseline', 'sex'), width: 6 },
      { name: 'age_band', type: 'text', width: 5, labels: L('Age band at randomization (years)', 'Åldersgrupp vid randomisering (år)', 'Aldersgruppe ved randomisering (år)'),
        choices: AGE_BANDS.map((b) => choice(b, L(`${b} years`, `${b} år`, `${b} år`))) },
      { name: 'withdrawn_day', type: 'integer', labels: L('Day consent was withdrawn (days from randomization)', 'Dag då samtycket återkallades (dagar från randomisering)', 'Dag hvor samtykket blev trukket tilbage (dage fra randomisering)') },
      { name: 'arm_received', type: 'text', width: 7, labels: L('Arm received (after an allocation correction; per protocol)', 'Given grupp (efter rättad tilldelning; per protokoll)', 'Modtaget gruppe (efter rettet tildeling; per protokol)'),
        choices: ARMS },
      { name: 'allocation_corrected', type: 'integer', labels: L('Allocation corrected after randomization', 'Tilldelningen rättad efter randomiseringen', 'Tildelingen rettet efter randomiseringen'), choices: NO_YES },
    ] },
    { file: 'assessments.csv', dataset: 'assessments', labels: L('Questionnaires per timepoint', 'Enkäter per mättillfälle', 'Spørgeskemaer pr. måletidspunkt'), variables: [
      pid, timepoint, day('Day the questionnaire was answered (days from randomization)', 'Dag då enkäten besvarades (dagar från randomisering)', 'Dag hvor spørgeskemaet blev besvaret (dage fra randomisering)'),
      ...eq5d, ...gse,
      { name: 'su_complete', type: 'integer', labels: L('Service use known for the period (form completed, no item answered with do not know)', 'Vård och stöd kända för perioden (formuläret ifyllt, ingen fråga besvarad med vet inte)', 'Brug af sundhedsvæsen og sociale tilbud kendt for perioden (skemaet udfyldt, intet spørgsmål besvaret med ved ikke)'),
        choices: [choice(0, L('No', 'Nej', 'Nej')), choice(1, L('Yes', 'Ja', 'Ja'))] },
      { name: 'out_of_window', type: 'integer', labels: L('Answered outside the window of the timepoint (accepted by staff with a reason)', 'Besvarad utanför mättillfällets fönster (godkänd av personal med skäl)', 'Besvaret uden for måletidspunktets vindue (godkendt af personale med begrundelse)'),
        choices: [choice(0, L('No', 'Nej', 'Nej')), choice(1, L('Yes', 'Ja', 'Ja'))] },
    ] },
    { file: 'service_use.csv', dataset: 'service_use', labels: L('Service use per period (one row per item used)', 'Resursanvändning per period', 'Ressourceforbrug pr. periode'), variables: [
      pid, timepoint,
      { name: 'item', type: 'text', width: 60, labels: L('Service-use item (unit-cost key)', 'Resurs (nyckel i enhetskostnader)', 'Ressource (nøgle i enhedsomkostninger)'), choices: serviceItems() },
      { name: 'quantity', type: 'number', labels: L('Quantity since the previous timepoint', 'Antal sedan föregående mättillfälle', 'Antal siden forrige måletidspunkt') },
    ] },
    { file: 'employment.csv', dataset: 'employment', labels: L('Jobs, studies and work trials (one row per episode)', 'Arbeten, studier och arbetsträning', 'Job, uddannelse og praktik'), variables: [
      pid, { ...fromDictionary('employment_episode', 'episode_type', 'type'), width: 11 },
      { name: 'start_day', type: 'integer', labels: L('First day (days from randomization)', 'Första dag (dagar från randomisering)', 'Første dag (dage fra randomisering)') },
      { name: 'end_day', type: 'integer', labels: L('Last day worked; empty = ongoing', 'Sista arbetsdag; tom = pågår', 'Sidste arbejdsdag; tom = igangværende') },
      { ...fromDictionary('employment_episode', 'hours_per_week'), type: 'number' },
      { ...fromDictionary('employment_episode', 'wage_subsidy'), type: 'integer', choices: NO_YES },
    ] },
    { file: 'timelogs.csv', dataset: 'timelogs', labels: L('Staff time per participant', 'Personaltid per deltagare', 'Personaletid pr. deltager'), variables: [
      pid, day('Day of the work (days from randomization)', 'Dag för arbetet (dagar från randomisering)', 'Dag for arbejdet (dage fra randomisering)'),
      { ...fromDictionary('time_log', 'staff_role', 'role'), width: 20 },
      { ...fromDictionary('time_log', 'activity'), width: 25 },
      fromDictionary('time_log', 'minutes'),
    ] },
    { file: 'unit_costs.csv', dataset: 'unit_costs', labels: L('Unit costs', 'Enhetskostnader', 'Enhedsomkostninger'), variables: [
      { name: 'item', type: 'text', width: 60, labels: L('Service-use item or staff_hour:<role>', 'Resurs eller staff_hour:<roll>', 'Ressource eller staff_hour:<rolle>'), choices: [...serviceItems(), ...staffHourItems()] },
      { name: 'unit_cost', type: 'number', labels: L('Unit cost (currency and price year in settings.json)', 'Enhetskostnad (valuta och prisår i settings.json)', 'Enhedsomkostning (valuta og prisår i settings.json)') },
    ] },
  ];
}

/** The files as data-dictionary forms (one per file, each variable once across files) for the REDCap dictionary generator. */
export function exportForms(specs: readonly ExportFileSpec[]): Form[] {
  const seen = new Set<string>(['pid']);
  return specs.map((spec) => ({
    name: spec.dataset,
    kind: 'research' as const,
    labels: spec.labels,
    fields: spec.variables.filter((v) => !seen.has(v.name) && seen.add(v.name)).map((v): Field => {
      // REDCap choice codes are letters, digits and _ only: other codes (age bands, unit-cost keys) stay text with the values in a note
      const redcapCodes = v.choices?.every((c) => typeof c.code === 'number' || /^[A-Za-z0-9_]+$/.test(c.code));
      return {
        name: v.name,
        labels: v.labels,
        type: v.choices && redcapCodes ? 'choice' : v.type,
        ...(v.choices && redcapCodes ? { choices: v.choices } : {}),
        ...(v.choices && !redcapCodes ? { note: `Values: ${v.choices.map((c) => `${c.code} = ${c.labels.en}`).join('; ')}` } : {}),
        required: false,
        identifier: false,
      };
    }),
  }));
}
