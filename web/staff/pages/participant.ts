/**
 * One participant: flow stage and allocation, screening and consent, the
 * baseline questionnaire and tablet mode, randomization, the timeline of
 * assessments with their states, episodes, status history, time logs, the
 * data queries on the participant (a data monitor opens one here on a field
 * of a record: participant-queries.ts), name and contact shown on request
 * for the roles that may see them, each showing audited
 * (participant-identity.ts), and the audit history; withdrawal,
 * the coach and ending an episode behind a confirm step
 * (participant-changes.ts); the saved questionnaires with their answers,
 * corrections and correction history, and correcting or deleting an episode
 * (participant-corrections.ts); keying in a paper questionnaire with the
 * date on the paper (participant-paper.ts). Field, form and choice labels come from the data
 * dictionary in the chosen language; dates in its locale.
 */
import { h, replace } from '../../modules/dom';
import { formatDate, formatDateTime } from '../i18n';
import { armLabel, assessmentStateLabel, choiceLabel, fieldLabel, formLabel, stageLabel } from '../labels';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { get, getJson, list, optional, paths, type Site } from '../staff-api';
import { formCard, randomizeCard, tabletCard } from './participant-actions';
import { coachCard, coachesOf, endEpisodeCard, withdrawalCard, withdrawalFacts } from './participant-changes';
import { paperEntryCard } from './participant-paper';
import { susCard } from './participant-sus';
import { recordedFormCard } from './participant-consent';
import { episodeCorrectionCard, responsesCard } from './participant-corrections';
import { fieldCorrectionCard } from './field-correction';
import { identityCard, mayReadIdentity } from './participant-identity';
import { openQueryCard, queriesCard, queryableRecords } from './participant-queries';

type Obj = Record<string, unknown>;

function table(caption: string, columns: [string, (row: Obj) => unknown][], rows: Obj[] | Error, id: string): HTMLElement {
  if (rows instanceof Error) return h('section', { class: 'card', id }, h('h2', {}, caption), h('p', { class: 'hint' }, t('common.notAvailable', { reason: rows.message })));
  return h('section', { class: 'card', id }, h('h2', {}, caption),
    rows.length === 0 ? h('p', { class: 'hint' }, t('common.noneYet')) : h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...columns.map(([c]) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...columns.map(([, value]) => h('td', {}, format(value(r)))))))));
}

const label = choiceLabel;

/** Staff names by user id, from the sites' staff lists (time logs carry only the id). */
function staffNamesOf(sites: Site[]): Map<number, string> {
  return new Map(sites.flatMap((site) => (site.staff ?? []).map((s) => [s.id, s.display_name] as [number, string])));
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
  const canCorrect = canEdit;
  const monitor = user.role === 'data_monitor';
  const [open, assessments, episodes, statuses, logs, audit, sites, queries, responses, corrections] = await Promise.all([
    optional(() => getJson(paths.openAssessment(participantId))),
    optional(() => getJson(paths.assessments(participantId)).then((a) => list<Obj>(a, 'assessments'))),
    optional(() => getJson(paths.episodes(participantId)).then((a) => list<Obj>(a, 'episodes'))),
    optional(() => getJson(paths.statuses(participantId)).then((a) => list<Obj>(a, 'statuses'))),
    optional(() => getJson(paths.participantTimeLogs(participantId)).then((a) => list<Obj>(a, 'time_logs'))),
    user.role === 'admin' || user.role === 'data_monitor' ? optional(() => getJson(paths.audit(studyId)).then((a) => list<Obj>(a, 'entries'))) : Promise.resolve(new Error(t('participant.auditHidden'))),
    optional(() => getJson(paths.sites).then((a) => list<Site>(a, 'sites'))),
    optional(() => getJson(`${paths.dataQueries}?${new URLSearchParams({ participant: studyId })}`).then((a) => list<Obj>(a, 'dataQueries'))),
    optional(() => getJson(paths.responses(participantId)).then((a) => list<Obj>(a, 'responses'))),
    optional(() => getJson(paths.corrections(participantId)).then((a) => list<Obj>(a, 'corrections'))),
  ]);
  const orEmpty = (rows: Obj[] | Error) => (rows instanceof Error ? [] : rows);
  // SUS registrations: for the funded intervention (IPS arm), captured when it starts and ends
  const sus = canLog && stage === 'randomized' && get(p, 'arm') === 'ips' ? await optional(() => getJson<Obj>(paths.sus(studyId))) : null;
  const staffNames = sites instanceof Error ? sites : staffNamesOf(sites);
  const coachId = get<number | null>(p, 'coach_id') ?? null;
  const withdrawal = get<Obj | null>(answer, 'withdrawal') ?? null;
  const staffName = (id: unknown) => (staffNames instanceof Error ? undefined : staffNames.get(Number(id))) ?? id;
  const baselineForms = open instanceof Error ? [] : list<Obj>(open, 'forms');
  const baselineDone = baselineForms.length > 0 && baselineForms.every((f) => get(get(f, 'response'), 'complete') === true);
  const missing = list<string>(get(answer, 'missing_preconditions') ?? get(answer, 'randomization_missing') ?? []);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, t('common.studyId')), h('dd', { id: 'study-id' }, studyId),
    h('dt', {}, t('common.site')), h('dd', {}, format(get(p, 'site'))),
    h('dt', {}, t('common.stage')), h('dd', { id: 'stage', 'data-stage': stage }, stageLabel(stage)),
    h('dt', {}, t('common.arm')), h('dd', { id: 'arm', 'data-arm': format(get(p, 'arm')) }, get(p, 'arm') ? armLabel(get(p, 'arm')) : '–'),
    h('dt', {}, t('common.referred')), h('dd', {}, format(formatDate(get(p, 'referral_date')))),
    h('dt', {}, t('participant.coach')), h('dd', { id: 'coach-name', 'data-coach': format(coachId) }, coachId === null ? '–' : format(staffName(coachId))));
  const sections: (HTMLElement | null)[] = [];
  // screening and consent: shown again once saved; changeable with a reason until randomization (a dated change of mind)
  const screening = get<Obj | null>(answer, 'screening') ?? null;
  const consent = get<Obj | null>(answer, 'consent') ?? null;
  const beforeRandomization = ['referred', 'not_eligible', 'eligible', 'declined', 'consented'].includes(stage);
  if (screening || (canEdit && stage === 'referred')) {
    sections.push(recordedFormCard({ formName: 'screening', title: t('participant.screening'), url: paths.screening(participantId), saved: screening, editable: canEdit && beforeRandomization, onSaved: reload }));
  }
  if (consent || (canEdit && stage === 'eligible')) {
    sections.push(recordedFormCard({ formName: 'consent', title: t('participant.consent'), url: paths.consent(participantId), saved: consent, editable: canEdit && ['eligible', 'declined', 'consented'].includes(stage), onSaved: reload }));
  }
  if (['consented', 'randomized'].includes(stage)) {
    sections.push(h('section', { class: 'card', id: 'baseline' }, h('h2', {}, stage === 'randomized' ? t('participant.openAssessment') : t('participant.baseline')),
      open instanceof Error ? h('p', { class: 'hint' }, t('common.notAvailable', { reason: open.message }))
        : h('ul', {}, ...baselineForms.map((f) => h('li', { 'data-form': String(get(f, 'form')) }, `${formLabel(String(get(f, 'form')))}: `,
          get(get(f, 'response'), 'complete') ? h('span', { class: 'state state-completed' }, t('participant.formComplete')) : get(f, 'response') ? h('span', { class: 'state state-open' }, t('participant.formStarted')) : h('span', { class: 'state state-upcoming' }, t('participant.formNotStarted'))))),
      baselineDone && stage === 'consented' ? h('p', { class: 'ok', id: 'baseline-complete' }, t('participant.baselineComplete')) : null));
    if (canLog && !(open instanceof Error) && get(open, 'timepoint') !== null) sections.push(tabletCard(participantId, studyId));
  }
  if (canEdit && stage === 'consented') sections.push(randomizeCard(participantId, studyId, missing, reload));
  if (withdrawal) sections.push(h('section', { class: 'card', id: 'withdrawal' }, h('h2', {}, t('withdraw.title')), withdrawalFacts(withdrawal)));
  if (canEdit && !withdrawal && ['consented', 'randomized'].includes(stage)) sections.push(withdrawalCard(participantId, studyId, reload));
  if (canEdit && !withdrawal && !(sites instanceof Error)) sections.push(coachCard(participantId, studyId, coachesOf(sites, String(get(p, 'site'))), coachId, reload));
  const openEpisodes = episodes instanceof Error ? [] : episodes.filter((e) => !get(e, 'episode_end_date'));
  const timeline = assessments instanceof Error ? h('p', { class: 'hint' }, t('common.notAvailable', { reason: assessments.message }))
    : assessments.length === 0 ? h('p', { class: 'hint' }, t('participant.scheduleStarts'))
      : h('ol', { class: 'timeline' }, ...assessments.map((a) => h('li', {},
        h('strong', {}, t('participant.months', { count: Number(get(a, 'timepoint')) })), h('br'),
        t('participant.target', { date: format(formatDate(get(a, 'target_date'))) }), h('br'),
        t('participant.window', { from: format(formatDate(get(a, 'window_start'))), to: format(formatDate(get(a, 'window_end'))) }), h('br'),
        h('span', { class: `state state-${get(a, 'state')}`, 'data-state': String(get(a, 'state')) }, format(assessmentStateLabel(get(a, 'state')))))));
  if (sus && !(sus instanceof Error)) sections.push(susCard(studyId, sus, reload));
  // a questionnaire filled in on paper, keyed in by staff with the date on the paper
  if (canLog && !withdrawal && ['consented', 'randomized'].includes(stage) && !(assessments instanceof Error) && !(responses instanceof Error)) {
    sections.push(paperEntryCard({ participantId, stage, assessments, open: open instanceof Error ? null : (open as Obj), responses, onSaved: reload }));
  }
  replace(main, h('h1', {}, t('participant.title', { studyId })), facts, mayReadIdentity(user.role) ? identityCard(participantId) : null, ...sections,
    h('section', { class: 'card', id: 'timeline' }, h('h2', {}, t('participant.assessments')), timeline),
    responsesCard(responses, corrections instanceof Error ? [] : corrections, canCorrect, reload),
    canLog && stage === 'randomized' ? h('details', { class: 'card' }, h('summary', {}, t('participant.recordEpisode')),
      formCard(t('participant.episode'), 'employment_episode', paths.episodes(participantId), reload, { method: 'POST', part: 'episode', button: t('participant.saveEpisode') })) : null,
    canLog && stage === 'randomized' ? h('details', { class: 'card' }, h('summary', {}, t('participant.recordStatus')),
      formCard(t('participant.status'), 'process_status', paths.statuses(participantId), reload, { method: 'POST', part: 'status', button: t('participant.saveStatus') })) : null,
    table(t('participant.episodes'), [[fieldLabel('employment_episode', 'episode_type'), (r) => label('employment_episode', 'episode_type', get(r, 'episode_type'))], [fieldLabel('employment_episode', 'episode_start_date'), (r) => formatDate(get(r, 'episode_start_date'))], [t('participant.endDate'), (r) => formatDate(get(r, 'episode_end_date'))], [fieldLabel('employment_episode', 'hours_per_week'), (r) => get(r, 'hours_per_week')]], episodes, 'episodes'),
    canLog && openEpisodes.length > 0 ? endEpisodeCard(participantId, openEpisodes, reload) : null,
    canLog && !(episodes instanceof Error) && episodes.length > 0 ? episodeCorrectionCard(participantId, episodes, reload) : null,
    table(t('participant.statuses'), [[fieldLabel('process_status', 'status_date'), (r) => formatDate(get(r, 'status_date'))], [fieldLabel('process_status', 'process_stage'), (r) => label('process_status', 'process_stage', get(r, 'process_stage'))], [fieldLabel('process_status', 'ended_reason'), (r) => label('process_status', 'ended_reason', get(r, 'ended_reason'))]], statuses, 'statuses'),
    canLog && !(statuses instanceof Error) && statuses.length > 0 ? fieldCorrectionCard({
      id: 'correct-status', title: t('corrections.statusTitle'), formName: 'process_status', part: 'status', onDone: reload,
      records: statuses.map((s) => ({ id: Number(get(s, 'id')), label: t('corrections.statusName', { stage: label('process_status', 'process_stage', get(s, 'process_stage')), date: formatDate(get(s, 'status_date')) }) })),
      url: (statusId) => paths.statusCorrections(participantId, statusId),
    }) : null,
    table(t('participant.timeLogs'), [[fieldLabel('time_log', 'log_date'), (r) => formatDate(get(r, 'log_date'))], [fieldLabel('time_log', 'activity'), (r) => label('time_log', 'activity', get(r, 'activity'))], [fieldLabel('time_log', 'minutes'), (r) => get(r, 'minutes')], [t('participant.staff'), (r) => get(r, 'staff_name') ?? staffName(get(r, 'staff_id'))]], logs, 'time-logs'),
    queriesCard(queries),
    monitor ? openQueryCard(studyId, queryableRecords(orEmpty(responses), orEmpty(episodes), orEmpty(statuses), orEmpty(logs))) : null,
    table(t('participant.audit'), [[t('participant.auditWhen'), (r) => formatDateTime(get(r, 'at'))], [t('participant.auditWho'), (r) => get(r, 'actor')], [t('participant.auditAction'), (r) => get(r, 'action')], [t('participant.auditWhat'), (r) => get(r, 'entity')], [t('participant.auditReason'), (r) => get(r, 'reason')]], audit, 'audit'));
}
