/**
 * Study settings, for admins (routes/study-settings.ts): every setting with
 * its value, changed in one go with a reason (audited by the server). The
 * settings that cannot change now are shown locked, each with why: the first
 * allocation locks the randomization method and its parameters, the strata,
 * the EQ-5D value set and questionnaire version; stored EQ-5D answers lock
 * the questionnaire version (services/study-settings-locks.ts).
 */
import { h, replace } from '../../modules/dom';
import { ApiError } from '../../modules/api';
import type { RouteContext } from '../routes';
import { t, type MessageKey } from '../texts/index';
import { getJson, paths, send } from '../staff-api';
import { problemText } from '../problem-text';
import { refusal } from './users';

type Settings = Record<string, unknown>;
interface Lock { key: string; group: 'randomization' | 'strata' | 'value_set' | 'questionnaire'; because: 'allocations' | 'eq5d_answers'; count: number }
interface Answer { settings: Settings; locks: Lock[]; value_sets: { id: string; instrument: string }[] }

type Kind = { type: 'choice'; options: [string, MessageKey | null][] } | { type: 'integer' | 'number' | 'list' | 'text' | 'boolean' };
const KINDS: Record<string, Kind> = {
  randomizationMethod: { type: 'choice', options: [['blocks', 'settings.method.blocks'], ['minimisation', 'settings.method.minimisation']] },
  blockSizes: { type: 'list' },
  minimisationProbability: { type: 'number' },
  stratifyBySex: { type: 'boolean' },
  ageBandCuts: { type: 'list' },
  windowDaysBefore: { type: 'integer' },
  windowDaysAfter: { type: 'integer' },
  eq5dInstrument: { type: 'choice', options: [['eq5d5l', null], ['eq5d3l', null]] },
  eq5dValueSetId: { type: 'choice', options: [] },
  caseloadWarning: { type: 'integer' },
  homeCodeHours: { type: 'integer' },
  tabletSessionHours: { type: 'integer' },
  timeZone: { type: 'text' },
  tabletLanguage: { type: 'choice', options: [['', 'settings.language.browser'], ['sv', 'settings.language.sv'], ['da', 'settings.language.da'], ['en', 'settings.language.en']] },
};

const EQ5D_NAMES: Record<string, string> = { eq5d5l: 'EQ-5D-5L', eq5d3l: 'EQ-5D-3L' };

function lockText(lock: Lock): string {
  if (lock.because === 'eq5d_answers') return t('settings.lockedByAnswers', { count: lock.count });
  return t(`settings.locked.${lock.group}` as MessageKey, { count: lock.count });
}

function control(key: string, value: unknown, valueSets: Answer['value_sets']): HTMLInputElement | HTMLSelectElement {
  const kind = KINDS[key] ?? { type: 'text' };
  const id = `setting-${key}`;
  if (kind.type === 'choice') {
    const options = key === 'eq5dValueSetId' ? valueSets.map((v) => [v.id, null] as [string, null]) : kind.options;
    const select = h('select', { id }, ...options.map(([code, label]) => h('option', { value: code }, label ? t(label) : EQ5D_NAMES[code] ?? code)));
    select.value = value === null ? '' : String(value);
    return select;
  }
  if (kind.type === 'boolean') {
    const box = h('input', { id, type: 'checkbox' });
    box.checked = value === true;
    return box;
  }
  const input = h('input', { id, type: kind.type === 'integer' || kind.type === 'number' ? 'number' : 'text', step: kind.type === 'number' ? 'any' : kind.type === 'integer' ? 1 : undefined });
  input.value = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return input;
}

function read(key: string, el: HTMLInputElement | HTMLSelectElement): unknown {
  const kind = KINDS[key] ?? { type: 'text' };
  if (kind.type === 'boolean') return (el as HTMLInputElement).checked;
  if (kind.type === 'integer' || kind.type === 'number') return el.value.trim() === '' ? null : Number(el.value);
  if (kind.type === 'list') return el.value.split(/[,;\s]+/).filter(Boolean).map(Number);
  if (key === 'tabletLanguage') return el.value === '' ? null : el.value;
  return el.value.trim();
}

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const answer = await getJson<Answer>(paths.studySettings);
  const locks = new Map((answer.locks ?? []).map((lock) => [lock.key, lock]));
  const controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const notes = new Map<string, HTMLElement>();
  const rows = Object.entries(answer.settings).map(([key, value]) => {
    const el = control(key, value, answer.value_sets ?? []);
    const lock = locks.get(key);
    el.disabled = lock !== undefined;
    controls.set(key, el);
    const note = h('p', { class: 'field-error', id: `setting-${key}-error` });
    notes.set(key, note);
    const label = h('label', { for: el.id }, t(`setting.${key}` as MessageKey));
    return h('div', { class: lock ? 'field locked' : 'field', 'data-setting': key },
      label, el,
      lock ? h('p', { class: 'lock-note', id: `setting-${key}-lock` }, lockText(lock)) : null, note);
  });
  const reason = h('input', { id: 'settings-reason', type: 'text', maxlength: 500 });
  const error = h('p', { class: 'error', role: 'alert' });
  const saved = h('p', { class: 'notice', role: 'status', id: 'settings-saved' });
  const form = h('form', { class: 'card', id: 'settings-form', novalidate: true }, ...rows,
    h('div', { class: 'field' }, h('label', { for: 'settings-reason' }, t('settings.reason')), reason),
    error, saved, h('button', { type: 'submit', class: 'primary' }, t('settings.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    saved.textContent = '';
    for (const note of notes.values()) note.textContent = '';
    const changes: Settings = {};
    for (const [key, el] of controls) {
      if (el.disabled) continue;
      const value = read(key, el);
      if (JSON.stringify(value) !== JSON.stringify(answer.settings[key])) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) {
      saved.textContent = t('settings.nothingChanged');
      return;
    }
    try {
      await send('PUT', paths.studySettings, { ...changes, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      await render(main, context);
      main.querySelector('#settings-saved')!.textContent = t('settings.saved', { count: Object.keys(changes).length });
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : [];
      for (const f of fields) if (notes.has(f.field)) notes.get(f.field)!.textContent = f.message;
      // notes shown next to their settings are not repeated in the alert line
      error.textContent = fields.every((f) => notes.has(f.field)) ? problemText(e) : refusal(e);
    }
  });
  replace(main, h('h1', {}, t('settings.title')), h('p', {}, t('settings.intro')),
    locks.size ? h('p', { class: 'hint', id: 'settings-locked-summary' }, t('settings.lockedSummary', { count: locks.size })) : null, form);
}
