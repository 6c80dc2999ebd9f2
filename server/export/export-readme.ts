/** README.md of an export: what it is, the options, row counts, what was coarsened or suppressed, the files and their SHA-256. */
import { basename } from 'node:path';
import type { WrittenFile } from './csv-sink';
import type { PidMode } from './pseudonym';

export interface ExportSummary {
  createdAt: string;
  software: string;
  options: { pidMode: PidMode; k: number };
  participants: number;
  leftOut: number;
  anonymity: string[];
  unitCostSource: string;
  files: WrittenFile[];
  datasetSha256: string;
  /** data queries by state when the export was made */
  dataQueries: { open: number; answered: number; closed: number };
}

const DATA_FILES = new Set(['participants.csv', 'assessments.csv', 'service_use.csv', 'employment.csv', 'timelogs.csv', 'unit_costs.csv']);

const PID_TEXT: Record<PidMode, string> = {
  keyed: 'keyed: HMAC-SHA256 of the internal id under the study\'s export key (kept outside the database); the same person has the same pid in every keyed export of this study',
  fresh: 'fresh: a random key made for this export and then discarded; pids cannot be linked to any other export',
};

export function exportReadme(s: ExportSummary): string {
  return [
    '# Pseudonymised export of the IPS trial',
    '',
    'Pseudonymised, not anonymised (GDPR Art. 4(5)): one row per participant under a pseudonym, so these files are still personal',
    'data; keep them as such. Only counts with small cells withheld (the funder report) are anonymised.',
    '',
    `Made by ${s.software} (the date is in the audit trail, not here: no calendar dates leave in an export). The folder follows ANALYSIS-DATASET.md: run \`npx ips-trial analyze <this folder>\``,
    'to reproduce the cost-effectiveness report. `load.R`, `load.do` (Stata) and `load.sps` (SPSS) read the CSV files with',
    'variable and value labels; `data_dictionary.csv` is the REDCap data dictionary of the columns; `codebook.md` lists them.',
    '',
    '## Options',
    '',
    `- pseudonymous ids: ${PID_TEXT[s.options.pidMode]}`,
    `- k-anonymity: k = ${s.options.k} over site, sex and age band`,
    `- unit costs: ${s.unitCostSource === 'default' ? 'the documented default table (Swedish reference values, mixed price years 2015–2024, two stated proxies: emergency_visit, social_services_contact); replace before a final analysis' : s.unitCostSource === 'study' ? "the study's own table" : `from the file ${basename(s.unitCostSource)}`}`,
    '',
    '## What is left out',
    '',
    '- internal ids, names, personnummer/CPR, phone numbers, e-mail and postal addresses, free-text fields, municipality, calendar dates (days from randomization only), birth year (age band only)',
    '- participants who were not randomized',
    `- participants who withdrew and asked that no data be used: ${s.leftOut}`,
    '- rows dated after a withdrawal with "only data collected up to the withdrawal" (the baseline questionnaire is always kept)',
    '',
    '## Days',
    '',
    'Every day is counted from the participant\'s randomization (day 0). In `assessments.csv`, `day` is the day the questionnaire was answered',
    '(the tablet\'s completion date, or the date of a paper form keyed in later by staff), not the day it reached the server.',
    '',
    '## Data queries',
    '',
    `Open data queries at export time: ${s.dataQueries.open} (answered, awaiting the monitor: ${s.dataQueries.answered}; closed: ${s.dataQueries.closed}).`,
    'Values under an open or answered query may still be corrected; the query list is in the application, not in this export.',
    '',
    '## Coarsening and suppression',
    '',
    ...s.anonymity.map((line) => `- ${line}`),
    '',
    '## Files',
    '',
    '| file | rows | bytes | SHA-256 |',
    '|---|---|---|---|',
    ...s.files.map((f) => `| ${f.name} | ${DATA_FILES.has(f.name) ? f.rows : ''} | ${f.bytes} | \`${f.sha256}\` |`),
    '',
    `Randomized participants exported: ${s.participants}. Dataset SHA-256 (as \`ips-trial analyze\` reports it in result.json): \`${s.datasetSha256}\`.`,
    '',
  ].join('\n');
}
