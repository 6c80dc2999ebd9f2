/**
 * One participant: flow stage and allocation, screening and consent, the
 * baseline questionnaire and tablet mode, randomization, the timeline of
 * assessments with their states, episodes, status history, time logs and
 * the audit history.
 */
import { getForm } from '../../../data-dictionary/index';
import { h, replace } from '../../modules/dom';
import type { RouteContext } from '../routes';
import { get, getJson, list, optional, paths } from '../staff-api';
import { formCard, randomizeCard, tabletCard } from './participant-actions';

type Obj = Record<string, unknown>;

function table(caption: string, columns: [string, (row: Obj) => unknown][], rows: Obj[] | Error, id: string): HTMLElement {
  if (rows instanceof Error) return h('section', { class: 'card', id }, h('h2', {}, caption), h('p', { class: 'hint' }, `Not available: ${rows.message}`));
  return h('section', { class: 'card', id }, h('h2', {}, caption),
    rows.length === 0 ? h('p', { class: 'hint' }, 'None yet.') : h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...columns.map(([c]) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map(([, value]) => h('td', {}, format(value(r)))))))));
}

/** The dictionary's English label of a coded value (e.g. episode_type 'competitive'). */
function label(formName: string, fieldName: string, value: unknown): unknown {
  return getForm(formName)?.fields.find((f) => f.name === fieldName)?.choices?.find((c) => c.code === value)?.labels.en ?? value;
}

function format(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function render(main: HTMLElement, { user, params }: RouteContext): Promise<void> {
  const id = params[0];
  const reload = () => void render(main, { user, params });
  const answer = await getJson<Obj>(paths.participant(id));
  const p = (get<Obj>(answer, 'participant') ?? answer) as Obj;
  const participantId = Number(get(p, 'id'));
  const studyId = String(get(p, 'study_id'));
  const stage = String(get(p, 'stage') ?? '');
  const canEdit = ['admin', 'trial_manager'].includes(user.role);
  const canLog = canEdit || user.role === 'coach';
  const [open, assessments, episodes, statuses, logs, audit] = await Promise.all([
    optional(() => getJson(paths.openAssessment(participantId))),
    optional(() => getJson(paths.assessments(participantId)).then((a) => list<Obj>(a, 'assessments'))),
    optional(() => getJson(paths.episodes(participantId)).then((a) => list<Obj>(a, 'episodes'))),
    optional(() => getJson(paths.statuses(participantId)).then((a) => list<Obj>(a, 'statuses'))),
    optional(() => getJson(paths.participantTimeLogs(participantId)).then((a) => list<Obj>(a, 'time_logs'))),
    user.role === 'admin' || user.role === 'data_monitor' ? optional(() => getJson(paths.audit(studyId)).then((a) => list<Obj>(a, 'entries'))) : Promise.resolve(new Error('the audit trail is shown to admins and data monitors')),
  ]);
  const baselineForms = open instanceof Error ? [] : list<Obj>(open, 'forms');
  const baselineDone = baselineForms.length > 0 && baselineForms.every((f) => get(get(f, 'response'), 'complete') === true);
  const missing = list<string>(get(answer, 'missing_preconditions') ?? get(answer, 'randomization_missing') ?? []);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Study id'), h('dd', { id: 'study-id' }, studyId),
    h('dt', {}, 'Site'), h('dd', {}, format(get(p, 'site'))),
    h('dt', {}, 'Stage'), h('dd', { id: 'stage' }, stage),
    h('dt', {}, 'Arm'), h('dd', { id: 'arm' }, format(get(p, 'arm'))),
    h('dt', {}, 'Referred'), h('dd', {}, format(get(p, 'referral_date'))));
  const sections: (HTMLElement | null)[] = [];
  if (canEdit && stage === 'referred') sections.push(formCard('Screening', 'screening', paths.screening(participantId), reload));
  if (canEdit && stage === 'eligible') sections.push(formCard('Consent', 'consent', paths.consent(participantId), reload));
  if (['consented', 'randomized'].includes(stage)) {
    sections.push(h('section', { class: 'card', id: 'baseline' }, h('h2', {}, stage === 'randomized' ? 'Open assessment' : 'Baseline questionnaire'),
      open instanceof Error ? h('p', { class: 'hint' }, `Not available: ${open.message}`)
        : h('ul', {}, ...baselineForms.map((f) => h('li', { 'data-form': String(get(f, 'form')) }, `${getForm(String(get(f, 'form')))?.labels.en ?? get(f, 'form')}: `,
          get(get(f, 'response'), 'complete') ? h('span', { class: 'state state-completed' }, 'complete') : get(f, 'response') ? h('span', { class: 'state state-open' }, 'started') : h('span', { class: 'state state-upcoming' }, 'not started')))),
      baselineDone && stage === 'consented' ? h('p', { class: 'ok', id: 'baseline-complete' }, 'Baseline complete.') : null));
    if (canLog && !(open instanceof Error) && get(open, 'timepoint') !== null) sections.push(tabletCard(participantId, studyId));
  }
  if (canEdit && stage === 'consented') sections.push(randomizeCard(participantId, studyId, missing, reload));
  const timeline = assessments instanceof Error ? h('p', { class: 'hint' }, `Not available: ${assessments.message}`)
    : assessments.length === 0 ? h('p', { class: 'hint' }, 'The schedule starts at randomization.')
      : h('ol', { class: 'timeline' }, ...assessments.map((a) => h('li', {},
        h('strong', {}, `${get(a, 'timepoint')} months`), h('br'),
        `target ${format(get(a, 'target_date'))}`, h('br'),
        `window ${format(get(a, 'window_start'))} – ${format(get(a, 'window_end'))}`, h('br'),
        h('span', { class: `state state-${get(a, 'state')}` }, format(get(a, 'state'))))));
  replace(main, h('h1', {}, `Participant ${studyId}`), facts, ...sections,
    h('section', { class: 'card', id: 'timeline' }, h('h2', {}, 'Assessments'), timeline),
    canLog && stage === 'randomized' ? h('details', { class: 'card' }, h('summary', {}, 'Record an employment or education episode'),
      formCard('Episode', 'employment_episode', paths.episodes(participantId), reload, { method: 'POST', part: 'episode', button: 'Save episode' })) : null,
    canLog && stage === 'randomized' ? h('details', { class: 'card' }, h('summary', {}, 'Record a process status'),
      formCard('Status', 'process_status', paths.statuses(participantId), reload, { method: 'POST', part: 'status', button: 'Save status' })) : null,
    table('Employment and education episodes', [['Type', (r) => label('employment_episode', 'episode_type', get(r, 'episode_type'))], ['Start', (r) => get(r, 'episode_start_date')], ['End', (r) => get(r, 'episode_end_date')], ['Hours/week', (r) => get(r, 'hours_per_week')]], episodes, 'episodes'),
    table('Status history', [['Date', (r) => get(r, 'status_date')], ['Stage', (r) => label('process_status', 'process_stage', get(r, 'process_stage'))], ['Reason ended', (r) => label('process_status', 'ended_reason', get(r, 'ended_reason'))]], statuses, 'statuses'),
    table('Time logs', [['Date', (r) => get(r, 'log_date')], ['Activity', (r) => label('time_log', 'activity', get(r, 'activity'))], ['Minutes', (r) => get(r, 'minutes')], ['Staff', (r) => get(r, 'staff_name') ?? get(r, 'staff_id')]], logs, 'time-logs'),
    table('Audit history', [['When', (r) => get(r, 'at')], ['Who', (r) => get(r, 'actor')], ['Action', (r) => get(r, 'action')], ['What', (r) => get(r, 'entity')], ['Reason', (r) => get(r, 'reason')]], audit, 'audit'));
}
