/**
 * One data query: what it is on (participant, record, field — labels from
 * the data dictionary), its state, the comment thread (each step with its
 * author and time) and the steps this role may take in this state: staff
 * who may edit the participant answer an open query; the data monitor
 * closes or re-opens an answered one. Every step needs a comment; a refusal
 * is shown as a sentence (problem-text.ts) and the page is redrawn from the
 * server after a step.
 */
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { queryFieldLabel, queryStateLabel, queryStepLabel, recordLabel, type QueryRecord } from '../data-query-labels';
import { formatDateTime } from '../i18n';
import { problemText } from '../problem-text';
import type { Role, RouteContext } from '../routes';
import { get, getJson, paths, send } from '../staff-api';
import { t, type MessageKey } from '../texts/index';

type Obj = Record<string, unknown>;
type Step = 'answer' | 'close' | 'reopen';

/** The steps a role may take on a query in a state (the server decides again). */
export function stepsFor(role: Role, state: string): Step[] {
  if (state === 'open' && ['admin', 'trial_manager', 'coach'].includes(role)) return ['answer'];
  if (state === 'answered' && role === 'data_monitor') return ['close', 'reopen'];
  return [];
}

const STATE_NOTE: Record<string, MessageKey> = { open: 'query.waitingStaff', answered: 'query.waitingMonitor', closed: 'query.closedNote' };

export async function render(main: HTMLElement, context: RouteContext): Promise<void> {
  const { user, params } = context;
  const answer = await getJson<Obj>(paths.dataQuery(params[0]));
  const q = get<Obj>(answer, 'dataQuery')!;
  const id = Number(get(q, 'id'));
  const record = get<QueryRecord>(q, 'record')!;
  const field = String(get(q, 'field'));
  const state = String(get(q, 'state'));
  const studyId = String(get(q, 'studyId'));
  const comments = (get<Obj[]>(q, 'comments') ?? []);

  const facts = h('dl', { class: 'facts' },
    h('dt', {}, t('common.studyId')), h('dd', {}, h('a', { href: `#/participant/${get(q, 'participantId')}`, id: 'query-participant' }, t('query.toParticipant', { studyId }))),
    h('dt', {}, t('common.site')), h('dd', {}, String(get(q, 'site'))),
    h('dt', {}, t('queries.record')), h('dd', { id: 'query-record' }, recordLabel(record, field)),
    h('dt', {}, t('queries.field')), h('dd', { id: 'query-field', 'data-field': field }, queryFieldLabel(record, field)),
    h('dt', {}, t('queries.state')), h('dd', { id: 'query-state', 'data-state': state }, queryStateLabel(state)));

  const thread = h('section', { class: 'card', id: 'query-thread' }, h('h2', {}, t('query.thread')),
    h('ol', { class: 'thread' }, ...comments.map((c) => h('li', { 'data-step': String(get(c, 'step')) },
      h('p', { class: 'hint' }, t('query.said', { who: String(get(c, 'author')), step: queryStepLabel(get(c, 'step')), when: formatDateTime(get(c, 'at')) })),
      h('p', { class: 'comment' }, String(get(c, 'comment')))))));

  const steps = stepsFor(user.role, state);
  let actions: HTMLElement | null = null;
  if (steps.length > 0) {
    const comment = h('textarea', { id: 'query-comment', rows: 3, maxlength: 2000 });
    const error = h('p', { class: 'error', role: 'alert' });
    const buttons = steps.map((step) => {
      const button = h('button', { type: 'button', class: step === 'reopen' ? '' : 'primary', id: `query-${step}` }, t(`query.${step}` as MessageKey));
      button.addEventListener('click', async () => {
        error.textContent = '';
        if (comment.value.trim() === '') {
          error.textContent = t('query.missingComment');
          comment.focus();
          return;
        }
        for (const b of buttons) b.disabled = true;
        try {
          await send('POST', paths.dataQueryStep(id, step), { comment: comment.value.trim() });
          await render(main, context);
          main.querySelector<HTMLElement>('#query-state')?.focus();
        } catch (e) {
          for (const b of buttons) b.disabled = false;
          if (!(e instanceof ApiError)) throw e;
          error.textContent = problemText(e);
        }
      });
      return button;
    });
    actions = h('section', { class: 'card', id: 'query-actions' },
      h('div', { class: 'field' }, h('label', { for: 'query-comment' }, t('query.comment')), comment),
      error, h('div', { class: 'actions' }, ...buttons));
  }

  replace(main, h('h1', {}, t('query.title', { id: String(id), studyId })), facts,
    h('p', { class: 'hint', id: 'query-state-note' }, t(STATE_NOTE[state] ?? 'query.closedNote')),
    thread, actions,
    h('p', {}, h('a', { href: '#/data-queries' }, t('query.toList'))));
}
