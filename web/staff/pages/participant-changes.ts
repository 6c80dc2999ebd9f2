/**
 * Changes on the participant page that the trial cannot take back lightly:
 * recording a withdrawal (date and what may still be used, form withdrawal
 * from the data dictionary), assigning the coach (an active coach of the
 * participant's site) and ending an open employment or education episode.
 * Each goes through a confirm step naming what will be recorded; a refusal
 * is shown as a sentence (problem-text.ts), a success re-renders the page
 * from the server.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { formatDate } from '../i18n';
import { choiceLabel } from '../labels';
import { problemText } from '../problem-text';
import { get, paths, send, type Site } from '../staff-api';
import { t } from '../texts/index';

type Obj = Record<string, unknown>;

export interface Change {
  id: string;
  title: string;
  /** The controls; `prepare` reads them. */
  controls: HTMLElement;
  start: string;
  confirm: string;
  /** The request and the confirm sentence, or a sentence saying what is missing. */
  prepare(): { body: unknown; sentence: string } | { missing: string };
  submit(body: unknown): Promise<unknown>;
  showFieldErrors?(error: ApiError): void;
  onDone(): void;
}

/** A card with the controls and a button leading to the confirm step; confirming sends the request. */
export function changeCard(change: Change): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const begin = h('button', { type: 'submit', class: 'primary', id: `${change.id}-start` }, change.start);
  const edit = h('form', { novalidate: true }, change.controls, begin);
  const step = h('div', { class: 'confirm-step', hidden: true });
  const card = h('section', { class: 'card', id: change.id }, h('h2', {}, change.title), error, edit, step);
  const back = () => {
    step.hidden = true;
    edit.hidden = false;
  };
  edit.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const prepared = change.prepare();
    if ('missing' in prepared) {
      error.textContent = prepared.missing;
      return;
    }
    const confirm = h('button', { type: 'button', class: 'danger', id: `${change.id}-confirm` }, change.confirm);
    const cancel = h('button', { type: 'button', id: `${change.id}-cancel`, onclick: back }, t('common.cancel'));
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await change.submit(prepared.body);
        change.onDone();
      } catch (e) {
        confirm.disabled = false;
        if (!(e instanceof ApiError)) throw e;
        error.textContent = problemText(e);
        change.showFieldErrors?.(e);
        back();
      }
    });
    replace(step, h('p', {}, prepared.sentence), h('div', { class: 'actions' }, confirm, cancel));
    edit.hidden = true;
    step.hidden = false;
    confirm.focus();
  });
  return card;
}

export function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** What a recorded withdrawal says: its date and what may still be used. */
export function withdrawalFacts(withdrawal: Obj): HTMLElement {
  return h('p', { class: 'hint', id: 'withdrawal-recorded' }, t('withdraw.recorded', {
    date: formatDate(get(withdrawal, 'withdrawal_date')) || '–',
    use: choiceLabel('withdrawal', 'withdrawal_data_use', get(withdrawal, 'withdrawal_data_use')) || '–',
  }));
}

export function withdrawalCard(participantId: number, studyId: string, onDone: () => void): HTMLElement {
  const fields = renderFields(getForm('withdrawal')!, { prefix: 'withdrawal' });
  return changeCard({
    id: 'withdrawal', title: t('withdraw.title'), controls: fields.root, start: t('withdraw.start'), confirm: t('withdraw.confirm', { studyId }), onDone,
    prepare() {
      const values = fields.read();
      if (!values.withdrawal_date || !values.withdrawal_data_use) return { missing: t('withdraw.missing') };
      return {
        body: { withdrawal: values },
        sentence: t('withdraw.confirmText', { studyId, date: formatDate(values.withdrawal_date), use: choiceLabel('withdrawal', 'withdrawal_data_use', values.withdrawal_data_use) }),
      };
    },
    submit: (body) => send('PUT', paths.withdrawal(participantId), body),
    showFieldErrors: (e) => fields.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace('withdrawal.', '') }))),
  });
}

/** The active coaches of the participant's site. */
export function coachesOf(sites: Site[], siteCode: string): { id: number; display_name: string }[] {
  return (sites.find((s) => s.code === siteCode)?.staff ?? []).filter((s) => s.role === 'coach' && s.active);
}

export function coachCard(participantId: number, studyId: string, coaches: { id: number; display_name: string }[], current: number | null, onDone: () => void): HTMLElement {
  const select = h('select', { id: 'coach-select' }, h('option', { value: '' }, t('coach.none')),
    ...coaches.map((c) => h('option', { value: String(c.id) }, c.display_name)));
  select.value = current === null ? '' : String(current);
  return changeCard({
    id: 'coach', title: t('coach.title'), controls: labelled('coach-select', t('coach.label'), select), start: t('coach.start'), confirm: t('coach.confirm'), onDone,
    prepare() {
      const id = select.value === '' ? null : Number(select.value);
      if (id === current) return { missing: t('coach.unchanged') };
      const name = coaches.find((c) => c.id === id)?.display_name;
      return { body: { coach_id: id }, sentence: name ? t('coach.confirmText', { studyId, coach: name }) : t('coach.confirmNone', { studyId }) };
    },
    submit: (body) => send('PATCH', paths.participant(participantId), body),
  });
}

export const episodeAnswers = (episode: Obj): Obj => {
  const form = getForm('employment_episode')!;
  return Object.fromEntries(form.fields.filter((f) => episode[f.name] !== undefined && episode[f.name] !== null).map((f) => [f.name, episode[f.name]]));
};

export const episodeName = (episode: Obj) => t('endEpisode.episode', {
  type: choiceLabel('employment_episode', 'episode_type', get(episode, 'episode_type')) || '–',
  start: formatDate(get(episode, 'episode_start_date')) || '–',
});

/** Ends one of the open episodes (those without an end date): the end date and the reason for changing the record. */
export function endEpisodeCard(participantId: number, open: Obj[], onDone: () => void): HTMLElement {
  const select = h('select', { id: 'end-episode-which' }, ...open.map((e) => h('option', { value: String(get(e, 'id')) }, episodeName(e))));
  const date = h('input', { id: 'end-episode-date', type: 'date' });
  const reason = h('input', { id: 'end-episode-reason', type: 'text', maxlength: 500, autocomplete: 'off' });
  const controls = h('div', { class: 'fields' }, labelled('end-episode-which', t('endEpisode.which'), select),
    labelled('end-episode-date', t('endEpisode.date'), date), labelled('end-episode-reason', t('endEpisode.reason'), reason));
  return changeCard({
    id: 'end-episode', title: t('endEpisode.title'), controls, start: t('endEpisode.start'), confirm: t('endEpisode.confirm'), onDone,
    prepare() {
      const episode = open.find((e) => String(get(e, 'id')) === select.value);
      if (!episode || date.value === '' || reason.value.trim() === '') return { missing: t('endEpisode.missing') };
      return {
        body: { id: get(episode, 'id'), episode: { ...episodeAnswers(episode), episode_end_date: date.value }, reason: reason.value.trim() },
        sentence: t('endEpisode.confirmText', { episode: episodeName(episode), date: formatDate(date.value) }),
      };
    },
    submit: (body) => {
      const { id, ...rest } = body as Obj;
      return send('PUT', paths.episode(participantId, Number(id)), rest);
    },
  });
}
