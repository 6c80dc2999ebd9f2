/**
 * IPS fidelity reviews per site: the 25-item scale (form fidelity_review
 * from the data dictionary, grouped by its areas), and the reviews so far
 * with total and band — the trend per site. Item, area and choice labels are
 * the dictionary's, in the chosen language. Admins and trial managers
 * correct one field of a review with a reason (field-correction.ts); the
 * server scores it again.
 */
import { getForm } from '../../../data-dictionary/index';
import { ApiError } from '../../modules/api';
import { problemText } from '../problem-text';
import { fidelityBandLabel } from '../fidelity-band';
import { h, replace } from '../../modules/dom';
import { renderFields } from '../form-fields';
import { formatDate, language } from '../i18n';
import { choiceLabel } from '../labels';
import type { RouteContext } from '../routes';
import { t } from '../texts/index';
import { get, getJson, list, optional, paths, send, type Site } from '../staff-api';
import { fieldCorrectionCard } from './field-correction';

type Obj = Record<string, unknown>;

export async function render(main: HTMLElement, { user, params }: RouteContext): Promise<void> {
  const form = getForm('fidelity_review')!;
  const [sitesAnswer, reviews] = await Promise.all([getJson(paths.sites), optional(() => getJson(paths.fidelity).then((a) => list<Obj>(a, 'reviews')))]);
  const sites = list<Site>(sitesAnswer, 'sites');
  const table = reviews instanceof Error ? h('p', { class: 'hint' }, t('common.notAvailable', { reason: reviews.message }))
    : reviews.length === 0 ? h('p', { class: 'hint' }, t('fidelity.none'))
      : h('table', { class: 'data' }, h('caption', {}, t('fidelity.reviews')),
        h('thead', {}, h('tr', {}, ...[t('common.site'), t('common.date'), t('fidelity.type'), t('fidelity.total'), t('fidelity.band')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...[...reviews].sort((a, b) => String(get(b, 'review_date')).localeCompare(String(get(a, 'review_date')))).map((r) => h('tr', {},
          h('td', {}, String(get(r, 'site') ?? get(r, 'site_code') ?? '')), h('td', {}, formatDate(get(r, 'review_date'))), h('td', {}, choiceLabel('fidelity_review', 'review_type', get(r, 'review_type'))),
          h('td', {}, String(get(r, 'total') ?? '')), h('td', {}, fidelityBandLabel(get(r, 'band')))))));
  const canEdit = user.role === 'admin' || user.role === 'trial_manager';
  let editor: HTMLElement | null = null;
  if (canEdit) {
    const site = h('select', { id: 'fidelity-site' }, ...sites.map((s) => h('option', { value: s.code }, `${s.code} – ${s.name}`)));
    if (params[0]) site.value = params[0];
    const head = renderFields(form, { prefix: 'fid', only: ['review_date', 'review_type', 'reviewers'] });
    const areas = (form.sections ?? []).map((section) => h('fieldset', { class: 'card' }, h('legend', {}, section.labels[language()]),
      renderFields(form, { prefix: 'fid', only: form.fields.filter((f) => f.section === section.id).map((f) => f.name) }).root));
    const tail = renderFields(form, { prefix: 'fid', only: ['fidelity_strengths', 'fidelity_recommendations', 'next_review_date'] });
    const error = h('p', { class: 'error', role: 'alert' });
    editor = h('form', { class: 'card', novalidate: true }, h('h2', {}, t('fidelity.new')),
      h('div', { class: 'field' }, h('label', { for: 'fidelity-site' }, t('common.site')), site), head.root, ...areas, tail.root, error,
      h('button', { type: 'submit', class: 'primary' }, t('fidelity.save')));
    editor.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      // read every field of the form from the page (the area fieldsets share the 'fid' prefix)
      const values: Obj = {};
      for (const field of form.fields) {
        const el = editor!.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#fid-${field.name}`);
        const checked = editor!.querySelector<HTMLInputElement>(`input[name="fid-${field.name}"]:checked`);
        const raw = checked?.value ?? el?.value.trim() ?? '';
        if (raw === '') continue;
        values[field.name] = field.type === 'integer' || field.type === 'number' ? Number(raw) : field.choices?.find((c) => String(c.code) === raw)?.code ?? raw;
      }
      try {
        await send('POST', paths.siteFidelity(site.value), { review: values });
        void render(main, { user, params: [site.value] });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = `${problemText(e)}${e.fields.length ? `: ${e.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}` : ''}`;
      }
    });
  }
  const correct = canEdit && !(reviews instanceof Error) && reviews.length > 0 ? fieldCorrectionCard({
    id: 'correct-review', title: t('corrections.reviewTitle'), formName: 'fidelity_review', part: 'review', onDone: () => void render(main, { user, params }),
    records: reviews.map((r) => ({ id: Number(get(r, 'id')), label: t('corrections.reviewName', { site: String(get(r, 'site') ?? ''), date: formatDate(get(r, 'review_date')), total: String(get(r, 'total') ?? '') }) })),
    url: (id) => paths.fidelityCorrections(id),
  }) : null;
  replace(main, h('h1', {}, t('fidelity.title')), h('section', { class: 'card' }, table), correct, editor);
}
