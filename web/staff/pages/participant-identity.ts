/**
 * The participant page's "Name and contact" card, for the roles that may
 * see identifiers (trial manager and admin: all of them; a coach: name and
 * phone). Nothing is loaded until the staff member presses "Show name and
 * contact": each press is one read the server records in the audit trail
 * (who and when; never the values). Other roles get no card (the server
 * answers them 403 anyway).
 */
import { ApiError } from '../../modules/api';
import { h, replace } from '../../modules/dom';
import { fieldLabel } from '../labels';
import { problemText } from '../problem-text';
import { get, getJson, paths } from '../staff-api';
import { t } from '../texts/index';

const FIELDS = ['person_name', 'personal_number', 'person_phone', 'person_email', 'street_address', 'postal_code', 'postal_town'];

export const mayReadIdentity = (role: string) => ['admin', 'trial_manager', 'coach'].includes(role);

export function identityCard(participantId: number): HTMLElement {
  const body = h('div', { id: 'identity-body' });
  const show = h('button', { type: 'button', id: 'identity-show' }, t('identity.show'));
  const hidden = () => replace(body, h('p', { class: 'hint' }, t('identity.audited')), h('div', { class: 'actions' }, show));
  show.addEventListener('click', async () => {
    show.disabled = true;
    try {
      const answer = await getJson(paths.identifiers(participantId));
      const identifiers = get<Record<string, unknown> | null>(answer, 'identifiers') ?? null;
      const hide = h('button', { type: 'button', id: 'identity-hide', onclick: hidden }, t('identity.hide'));
      const shown = identifiers ? FIELDS.filter((f) => f in identifiers) : [];
      replace(body,
        shown.length === 0 ? h('p', { class: 'hint' }, t('identity.none'))
          : h('dl', { class: 'facts', id: 'identity-facts' }, ...shown.flatMap((f) => [
            h('dt', {}, fieldLabel('participant_identity', f)),
            h('dd', { 'data-field': f }, identifiers![f] === null || identifiers![f] === '' ? '–' : String(identifiers![f])),
          ])),
        h('p', { class: 'hint' }, t('identity.recorded')),
        h('div', { class: 'actions' }, hide));
      hide.focus();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(body, h('p', { class: 'error', role: 'alert' }, problemText(e)), h('div', { class: 'actions' }, show));
    } finally {
      show.disabled = false;
    }
  });
  hidden();
  return h('section', { class: 'card', id: 'identity' }, h('h2', {}, t('identity.title')), body);
}
