/**
 * Fast weekly time-log entry for coaches: a grid of participants (and
 * "site work" rows for work not tied to one person) × the days of a week,
 * minutes in each cell, an activity per row. One save sends every filled
 * cell at once (all or none are stored). Below: what is logged that week,
 * each row with "Correct" (date, activity, minutes and a required reason;
 * the earlier value stays in the log's correction history).
 * Weekday names and dates in the chosen locale; the cells' accessible names
 * keep the ISO date, which identifies the day in every language.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { formatDate, formatNumber, weekdayShort } from '../i18n';
import { choiceLabel, fieldLabel } from '../labels';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { calendarFeedCard } from '../calendar-feed-control';
import { get, getJson, list, optional, paths, send, type Site, type User } from '../staff-api';
import { problemText } from '../problem-text';

type Obj = Record<string, unknown>;
interface Row { key: string; label: string; participantId?: number; site?: string }

export function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export async function render(main: HTMLElement, { user, params }: RouteContext): Promise<void> {
  const monday = mondayOf(params[0] && /^\d{4}-\d{2}-\d{2}$/.test(params[0]) ? new Date(`${params[0]}T00:00:00Z`) : new Date());
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const form = getForm('time_log')!;
  const activity = form.fields.find((f) => f.name === 'activity')!;
  const staffRole = form.fields.find((f) => f.name === 'staff_role')!;
  const [participantsAnswer, sitesAnswer, logged] = await Promise.all([
    getJson(paths.participants), getJson(paths.sites),
    optional(() => getJson(`${paths.timeLogs}?from=${iso(monday)}&to=${iso(addDays(monday, 6))}`).then((a) => list<Obj>(a, 'time_logs'))),
  ]);
  const sites = list<Site>(sitesAnswer, 'sites').filter((s) => user.role !== 'coach' || user.sites.includes(s.code));
  const participants = list<Obj>(participantsAnswer, 'participants').filter((p) => get(p, 'stage') !== 'withdrawn' && get(p, 'stage') !== 'not_eligible');
  const rows: Row[] = [
    ...participants.map((p) => ({ key: `p${get(p, 'id')}`, label: String(get(p, 'study_id')), participantId: Number(get(p, 'id')) })),
    ...sites.map((s) => ({ key: `s${s.code}`, label: t('timeLogs.siteWork', { site: s.code }), site: s.code })),
  ];
  const roleSelect = h('select', { id: 'staff-role' }, ...(staffRole.choices ?? []).map((c) => h('option', { value: String(c.code) }, choiceLabel('time_log', 'staff_role', c.code))));
  const status = h('p', { role: 'status', id: 'time-log-status' });
  const body = h('tbody', {}, ...rows.map((row) => h('tr', { 'data-row': row.key },
    h('th', { scope: 'row' }, row.label),
    h('td', {}, h('select', { 'aria-label': t('timeLogs.activityOf', { row: row.label }), 'data-activity': row.key }, ...(activity.choices ?? []).map((c) => h('option', { value: String(c.code) }, choiceLabel('time_log', 'activity', c.code))))),
    ...days.map((day, i) => h('td', {}, h('input', { type: 'number', min: 1, max: 1440, step: 1, inputmode: 'numeric', 'aria-label': t('timeLogs.minutesOf', { row: row.label, day: weekdayShort(day), date: iso(day) }), 'data-cell': `${row.key}|${iso(day)}` }))))));
  const grid = h('table', { class: 'data grid' },
    h('caption', {}, t('timeLogs.week', { date: formatDate(iso(monday), { dateStyle: 'long' }) })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('timeLogs.participant')), h('th', { scope: 'col' }, fieldLabel('time_log', 'activity')), ...days.map((d) => h('th', { scope: 'col' }, `${weekdayShort(d)} ${formatDate(iso(d), { day: 'numeric', month: 'numeric' })}`)))),
    body);
  const save = h('button', { type: 'submit', class: 'primary' }, t('timeLogs.save'));
  const formEl = h('form', {}, h('div', { class: 'field' }, h('label', { for: 'staff-role' }, fieldLabel('time_log', 'staff_role')), roleSelect), grid, status, save);
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const entries: Obj[] = [];
    for (const input of formEl.querySelectorAll<HTMLInputElement>('input[data-cell]')) {
      if (input.value.trim() === '') continue;
      const [key, date] = input.dataset.cell!.split('|');
      const row = rows.find((r) => r.key === key)!;
      const act = formEl.querySelector<HTMLSelectElement>(`select[data-activity="${key}"]`)!.value;
      const entry = { log_date: date, staff_role: roleSelect.value, activity: act, minutes: Number(input.value), log_scope: row.participantId ? 'participant' : 'site' };
      entries.push(row.participantId ? { entry, participantId: row.participantId } : { entry, site: row.site });
    }
    if (entries.length === 0) return void (status.textContent = t('timeLogs.nothing'));
    try {
      await send('POST', paths.timeLogWeek, { entries });
      status.textContent = t('timeLogs.saved', { count: entries.length });
      void render(main, { user, params: [iso(monday)] });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = `${e.message}${e.fields.length ? `: ${e.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}` : ''}`;
    }
  });
  const reload = () => void render(main, { user, params: [iso(monday)] });
  const loggedTable = logged instanceof Error ? h('p', { class: 'hint' }, t('common.notAvailable', { reason: logged.message }))
    : h('table', { class: 'data', id: 'logged' }, h('caption', {}, t('timeLogs.logged')),
      h('thead', {}, h('tr', {}, ...[fieldLabel('time_log', 'log_date'), t('timeLogs.participantOrSite'), fieldLabel('time_log', 'activity'), fieldLabel('time_log', 'minutes'), t('timeLogs.change')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...logged.flatMap((l) => loggedRows(l, user, activity.choices ?? [], reload))));
  replace(main, h('h1', {}, t('timeLogs.title')),
    h('p', { class: 'actions' }, h('a', { href: `#/time-logs/${iso(addDays(monday, -7))}` }, t('timeLogs.previous')), ' ', h('a', { href: `#/time-logs/${iso(addDays(monday, 7))}` }, t('timeLogs.next'))),
    formEl, h('section', { class: 'card' }, loggedTable), ...[calendarFeedCard(user)].filter((c): c is HTMLElement => c !== null));
}

/** One logged row and, behind its Correct button, a row to correct date, activity and minutes with a reason. */
function loggedRows(log: Obj, user: User, activities: { code: string | number }[], onDone: () => void): HTMLElement[] {
  const id = Number(get(log, 'id'));
  const mayChange = user.role !== 'coach' || Number(get(log, 'staff_id')) === user.id;
  const editRow = h('tr', { class: 'correction', hidden: true, 'data-log': String(id) });
  const open = h('button', { type: 'button', 'data-correct': String(id) }, t('timeLogs.correct'));
  const row = h('tr', { 'data-log': String(id) }, h('td', {}, formatDate(get(log, 'log_date'))), h('td', {}, String(get(log, 'study_id') ?? get(log, 'site') ?? get(log, 'participant_id') ?? '')),
    h('td', {}, choiceLabel('time_log', 'activity', get(log, 'activity'))), h('td', {}, formatNumber(Number(get(log, 'minutes')))), h('td', {}, mayChange ? open : ''));
  open.addEventListener('click', () => {
    const p = `log-${id}`;
    const date = h('input', { id: `${p}-date`, type: 'date' });
    date.value = String(get(log, 'log_date'));
    const act = h('select', { id: `${p}-activity` }, ...activities.map((c) => h('option', { value: String(c.code) }, choiceLabel('time_log', 'activity', c.code))));
    act.value = String(get(log, 'activity'));
    const minutes = h('input', { id: `${p}-minutes`, type: 'number', min: 1, max: 1440, step: 1, inputmode: 'numeric' });
    minutes.value = String(get(log, 'minutes'));
    const reason = h('input', { id: `${p}-reason`, type: 'text', maxlength: 500, autocomplete: 'off' });
    const error = h('p', { class: 'error', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'primary' }, t('timeLogs.saveCorrection'));
    const form = h('form', { novalidate: true, 'aria-label': t('timeLogs.correctTitle', { date: formatDate(get(log, 'log_date')) }) },
      h('div', { class: 'fields' },
        h('div', { class: 'field' }, h('label', { for: `${p}-date` }, fieldLabel('time_log', 'log_date')), date),
        h('div', { class: 'field' }, h('label', { for: `${p}-activity` }, fieldLabel('time_log', 'activity')), act),
        h('div', { class: 'field' }, h('label', { for: `${p}-minutes` }, fieldLabel('time_log', 'minutes')), minutes),
        h('div', { class: 'field' }, h('label', { for: `${p}-reason` }, t('corrections.reason')), reason)),
      error, save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (reason.value.trim() === '') return void (error.textContent = t('corrections.missingReason'));
      const entry: Obj = {};
      if (date.value !== String(get(log, 'log_date'))) entry.log_date = date.value;
      if (act.value !== String(get(log, 'activity'))) entry.activity = act.value;
      if (Number(minutes.value) !== Number(get(log, 'minutes'))) entry.minutes = minutes.value.trim() === '' ? null : Number(minutes.value);
      try {
        await send('POST', paths.timeLogCorrections(id), { entry, reason: reason.value.trim() });
        onDone();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = problemText(e);
      }
    });
    replace(editRow, h('td', { colspan: 5 }, form));
    editRow.hidden = false;
    date.focus();
  });
  return [row, editRow];
}
