/**
 * `ips-trial dictionary`: prints the data dictionary as a REDCap data
 * dictionary (CSV), JSON or a Markdown codebook, and `dictionary import` reads
 * a REDCap data dictionary back into form files. Only IO lives here; the
 * generators are pure functions in `data-dictionary/generate/`.
 */
import type { Command } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Form, type Language } from '../../../data-dictionary/types';
import { readLicensedWording } from '../../config';

/** The forms and the generators, loaded when a `dictionary` command runs (not for --help). */
async function loadDictionary() {
  const [{ forms }, { applyLicensedWording }, { codebookMarkdown }, { dictionaryJson, formFileText }, { redcapCsv }, { importRedcap, RedcapImportError }] =
    await Promise.all([
      import('../../../data-dictionary/index'),
      import('../../../data-dictionary/licensed-wording'),
      import('../../../data-dictionary/generate/codebook-markdown'),
      import('../../../data-dictionary/generate/json'),
      import('../../../data-dictionary/generate/redcap-export'),
      import('../../../data-dictionary/generate/redcap-import'),
    ]);
  return { dictionaryForms: forms, applyLicensedWording, codebookMarkdown, dictionaryJson, formFileText, redcapCsv, importRedcap, RedcapImportError };
}
type Dictionary = Awaited<ReturnType<typeof loadDictionary>>;

const FORMATS = ['redcap', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

interface PrintOptions {
  format: string;
  lang: string;
  instrument: string;
  licensedWording?: string;
  out?: string;
}

/** Bad input (a file's content, not the command line): the message, exit code 1, no usage text. */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

function language(command: Command, value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value)) command.error(`--lang must be one of ${LANGUAGES.join(', ')}, got "${value}"`);
  return value as Language;
}

function loadForms({ dictionaryForms, applyLicensedWording }: Dictionary, wordingFile: string | undefined, setting: string): readonly Form[] {
  if (!wordingFile) return dictionaryForms;
  try {
    return applyLicensedWording(dictionaryForms, readLicensedWording(wordingFile, dictionaryForms, setting));
  } catch (error) {
    return fail((error as Error).message);
  }
}

function render(
  { redcapCsv, dictionaryJson, codebookMarkdown }: Dictionary,
  format: Format,
  forms: readonly Form[],
  options: { lang: Language; instrument: string },
): string {
  if (format === 'redcap') return redcapCsv(forms, options);
  if (format === 'json') return dictionaryJson(forms);
  return codebookMarkdown(forms, options);
}

/** `dictionary … | head` closes the pipe early: that is not an error. */
function writeStdout(text: string): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stdout.write(text);
}

async function printDictionary(command: Command, options: PrintOptions): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(options.format)) command.error(`--format must be one of ${FORMATS.join(', ')}, got "${options.format}"`);
  const lang = language(command, options.lang);
  const dictionary = await loadDictionary();
  const { dictionaryForms } = dictionary;
  const eq5dForms = dictionaryForms.filter((f) => f.name === 'eq5d5l' || f.alternativeTo === 'eq5d5l').map((f) => f.name);
  if (!eq5dForms.includes(options.instrument)) command.error(`--instrument must be one of ${eq5dForms.join(', ')}, got "${options.instrument}"`);
  const forms = options.licensedWording
    ? loadForms(dictionary, options.licensedWording, '--licensed-wording')
    : loadForms(dictionary, process.env.IPS_LICENSED_WORDING, 'IPS_LICENSED_WORDING');
  const text = render(dictionary, options.format as Format, forms, { lang, instrument: options.instrument });
  if (options.out) writeFileSync(options.out, text);
  else writeStdout(text);
}

async function importDictionary(command: Command, file: string, options: { lang: string; out?: string }): Promise<void> {
  const lang = language(command, options.lang);
  const { importRedcap, RedcapImportError, dictionaryJson, formFileText } = await loadDictionary();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const { forms, warnings } = importRedcap(text, { lang });
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    if (!options.out) {
      writeStdout(dictionaryJson(forms));
      return;
    }
    mkdirSync(options.out, { recursive: true });
    for (const form of forms) writeFileSync(join(options.out, `${form.name}.json`), formFileText(form));
    process.stderr.write(`wrote ${forms.length} form files to ${options.out}\n`);
  } catch (error) {
    if (error instanceof RedcapImportError) fail(`${file}: ${error.message}`);
    throw error;
  }
}

export function register(program: Command): void {
  const dictionary = program
    .command('dictionary')
    .description('Print the data dictionary as a REDCap data dictionary, JSON or a Markdown codebook')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'redcap')
    .option('--lang <lang>', 'language of labels in the REDCap file and the codebook: sv, da, en', 'en')
    .option('--instrument <form>', 'EQ-5D form of the study (REDCap holds one): eq5d5l or eq5d3l', 'eq5d5l')
    .option('--licensed-wording <file>', 'JSON file of licensed instrument wording laid over the neutral labels (default: $IPS_LICENSED_WORDING)')
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nExamples:\n  npx ips-trial dictionary --format redcap --lang sv > redcap.csv\n  npx ips-trial dictionary --format markdown --out codebook.md\n  npx ips-trial dictionary import redcap.csv --out forms/')
    .action((options: PrintOptions, command: Command) => printDictionary(command, options));
  dictionary
    .command('import <redcap-csv>')
    .description('Read a REDCap data dictionary (CSV) back into forms: prints JSON, or writes one form file per form with --out')
    .option('--lang <lang>', 'language of the Field Label column when the file does not say (@IPS-LANG)', 'en')
    .option('--out <dir>', 'write <dir>/<form>.json instead of printing')
    .action((file: string, options: { lang: string; out?: string }, command: Command) => importDictionary(command, file, options));
}
