/**
 * The codebook: a readable Markdown description of every form (a table of
 * fields with labels, type, allowed values, unit, timepoints and citation),
 * generated from the forms like every other view of the dictionary.
 */
import type { Field, Form, Language } from '../types';

const KIND_TITLES: Record<Form['kind'], string> = {
  research: 'Research forms (exported to the analysis dataset and REDCap)',
  operational: 'Operational forms (trial operations; exported to REDCap, identifiers never leave)',
  system: 'System forms (request bodies of the staff API; not exported)',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function values(field: Field, lang: Language): string {
  if (field.choices) return field.choices.map((c) => `\`${JSON.stringify(c.code)}\` ${c.labels[lang]}`).join('<br>');
  if (field.type === 'boolean') return '`true` / `false`';
  const range = [field.min !== undefined ? `≥ ${field.min}` : '', field.max !== undefined ? `≤ ${field.max}` : ''].filter(Boolean).join(', ');
  const extra = [field.maxLength !== undefined ? `≤ ${field.maxLength} characters` : '', field.pattern ? `pattern \`${field.pattern}\`` : ''];
  return [range, ...extra].filter(Boolean).join('; ');
}

function flags(field: Field): string {
  return [
    field.required ? 'required' : '',
    field.identifier ? '**identifier**' : '',
    field.showWhen ? `shown when ${field.showWhen.field} = ${JSON.stringify(field.showWhen.equals)}` : '',
    field.costItem ? `priced as \`${field.costItem}\`` : '',
    field.dontKnow ? "\"don't know\" = null (missing)" : '',
  ].filter(Boolean).join('; ');
}

function fieldRow(field: Field, lang: Language): string {
  const label = lang === 'en' ? field.labels.en : `${field.labels[lang]}<br>*${field.labels.en}*`;
  // what the participant was asked, where it differs from the label
  const labels = field.question ? `${label}<br>Asked: “${field.question[lang]}”` : label;
  return `| \`${field.name}\` | ${cell(labels)} | ${field.type} | ${cell(values(field, lang))} | ${field.unit ?? ''} | ${field.timepoints?.join(', ') ?? ''} | ${cell(flags(field))} |`;
}

function formSection(form: Form, lang: Language): string[] {
  const paragraphs = [
    lang !== 'en' ? `*${form.labels.en}*` : '',
    [form.instrument ? `Instrument: ${form.instrument.id}, version ${form.instrument.version}.` : '',
      form.instrument?.citation ? `Citation: ${form.instrument.citation}` : ''].filter(Boolean).join('\n'),
    form.instrument?.licence ? `> **Licence:** ${form.instrument.licence}` : '',
    form.alternativeTo ? `Alternative to \`${form.alternativeTo}\` (same columns; the study setting \`instrument\` picks one).` : '',
    form.timepoints ? `Timepoints (months): ${form.timepoints.join(', ')}.` : '',
  ].filter(Boolean);
  const lines = [`### ${form.labels[lang]} (\`${form.name}\`)`];
  for (const paragraph of paragraphs) lines.push('', paragraph);
  lines.push('', '| field | label | type | values | unit | timepoints | notes |', '|---|---|---|---|---|---|---|');
  let section: string | undefined;
  for (const field of form.fields) {
    if (field.section !== section && field.section) {
      const title = form.sections?.find((s) => s.id === field.section)?.labels[lang] ?? field.section;
      lines.push(`| **${cell(title)}** | | | | | | |`);
    }
    section = field.section;
    lines.push(fieldRow(field, lang));
  }
  const notes = [...new Set(form.fields.map((f) => f.note).filter((n): n is string => Boolean(n)))];
  const citations = [...new Set(form.fields.map((f) => f.citation).filter((c): c is string => Boolean(c) && c !== form.instrument?.citation))];
  if (notes.length + citations.length > 0) lines.push('');
  for (const note of notes) lines.push(`- Note: ${note}`);
  for (const citation of citations) lines.push(`- Citation: ${citation}`);
  lines.push('');
  return lines;
}

/** The Markdown codebook of the given forms, labels in `lang` (English shown alongside). */
export function codebookMarkdown(forms: readonly Form[], options: { lang?: Language } = {}): string {
  const lang = options.lang ?? 'en';
  const lines = [
    '# ips-trial codebook',
    '',
    'Generated from `data-dictionary/forms/*.json` by `npx ips-trial dictionary --format markdown`; do not edit by hand.',
    '',
    '> **EQ-5D:** the EQ-5D-5L and EQ-5D-3L labels below are neutral project labels, **not the official EuroQol',
    '> wording**. EQ-5D is licensed by the EuroQol Research Foundation (euroqol.org); a site with a licence puts the',
    '> official wording in its licensed-wording file (see docs/data-dictionary.md).',
    '',
  ];
  for (const kind of ['research', 'operational', 'system'] as const) {
    const ofKind = forms.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`## ${KIND_TITLES[kind]}`, '');
    for (const form of ofKind) lines.push(...formSection(form, lang));
  }
  return lines.join('\n');
}
