/**
 * Registering a referral: site, the referral form and the identifiers (the
 * participant_identity form), all rendered from the data dictionary. The
 * server gives the study id; screening and consent follow on the
 * participant page.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { problemText } from '../problem-text';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { formLabel } from '../labels';
import { t } from '../texts/index';
import { get, getJson, list, paths, send, type Site } from '../staff-api';

export async function render(main: HTMLElement): Promise<void> {
  const sites = list<Site>(await getJson(paths.sites), 'sites');
  const referral = renderFields(getForm('referral')!, { prefix: 'referral' });
  const identity = renderFields(getForm('participant_identity')!, { prefix: 'identity' });
  const site = h('select', { id: 'site', required: true }, h('option', { value: '' }, '—'), ...sites.map((s) => h('option', { value: s.code }, `${s.code} – ${s.name}`)));
  const idKind = h('select', { id: 'id-kind' }, h('option', { value: 'SE' }, t('enrol.idKindSE')), h('option', { value: 'DK' }, t('enrol.idKindDK')));
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'site' }, `${t('common.site')} *`), site),
    h('h2', {}, formLabel('referral')), referral.root,
    h('h2', {}, t('enrol.identifiers')),
    h('div', { class: 'field' }, h('label', { for: 'id-kind' }, t('enrol.idKind')), idKind),
    identity.root, error,
    h('button', { type: 'submit', class: 'primary' }, t('enrol.register')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const created = await send('POST', paths.participants, { site: site.value, referral: referral.read(), identity: identity.read(), id_kind: idKind.value });
      const participant = get(created, 'participant') ?? created;
      location.hash = `#/participant/${get(participant, 'id')}`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = problemText(e);
      referral.showErrors(e.fields.filter((f) => f.field.startsWith('referral.')).map((f) => ({ ...f, field: f.field.slice('referral.'.length) })));
      identity.showErrors(e.fields.filter((f) => f.field.startsWith('identity.')).map((f) => ({ ...f, field: f.field.slice('identity.'.length) })));
      const other = e.fields.filter((f) => !/^(referral|identity)\./.test(f.field));
      if (other.length) error.textContent = `${problemText(e)} ${other.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
    }
  });
  replace(main, h('h1', {}, t('enrol.title')), h('p', {}, t('enrol.intro')), form);
}
