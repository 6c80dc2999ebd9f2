/**
 * A small correction card for records whose answers the page does not hold
 * in full (process statuses, fidelity reviews): choose the record and the
 * field, enter its corrected value (the dictionary's control for that field;
 * left empty clears it) and the reason; the confirm step names the change
 * and *Confirm* sends `{ <part>: { field: value }, reason }` to the record's
 * `…/corrections`. The server validates the whole corrected record.
 */
import { getForm } from '../../../data-dictionary/index';
import { h, replace } from '../../modules/dom';
import { renderFields, type FieldsView } from '../form-fields';
import { fieldLabel } from '../labels';
import { send } from '../staff-api';
import { t } from '../texts/index';
import { changeCard, labelled } from './participant-changes';
import { valueText } from './participant-corrections';

export interface FieldCorrection {
  id: string;
  title: string;
  formName: string;
  /** the body part: status, review, … */
  part: string;
  records: { id: number; label: string }[];
  /** fields that may be corrected here (default: every field of the form) */
  fields?: string[];
  url(recordId: number): string;
  onDone(): void;
}

export function fieldCorrectionCard(spec: FieldCorrection): HTMLElement {
  const form = getForm(spec.formName)!;
  const names = spec.fields ?? form.fields.filter((f) => f.type !== 'descriptive').map((f) => f.name);
  const record = h('select', { id: `${spec.id}-record` }, ...spec.records.map((r) => h('option', { value: String(r.id) }, r.label)));
  const field = h('select', { id: `${spec.id}-field` }, ...names.map((n) => h('option', { value: n }, fieldLabel(spec.formName, n))));
  const holder = h('div', {});
  let control: FieldsView;
  const show = () => {
    control = renderFields(form, { prefix: `${spec.id}-value`, only: [field.value] });
    replace(holder, control.root);
  };
  field.addEventListener('change', show);
  show();
  const reason = h('input', { id: `${spec.id}-reason`, type: 'text', maxlength: 500, autocomplete: 'off' });
  const controls = h('div', { class: 'fields' }, labelled(`${spec.id}-record`, t('corrections.record'), record), labelled(`${spec.id}-field`, t('corrections.field'), field),
    holder, labelled(`${spec.id}-reason`, t('corrections.reason'), reason));
  return changeCard({
    id: spec.id, title: spec.title, controls, start: t('corrections.start'), confirm: t('corrections.confirm'), onDone: spec.onDone,
    prepare() {
      if (reason.value.trim() === '') return { missing: t('corrections.missingReason') };
      const value = control.read()[field.value] ?? null;
      const label = spec.records.find((r) => String(r.id) === record.value)?.label ?? record.value;
      return {
        body: { id: Number(record.value), [spec.part]: { [field.value]: value }, reason: reason.value.trim() },
        sentence: t('corrections.fieldConfirmText', { record: label, field: fieldLabel(spec.formName, field.value), value: valueText(spec.formName, field.value, value) }),
      };
    },
    submit: (body) => {
      const { id, ...rest } = body as Record<string, unknown>;
      return send('POST', spec.url(Number(id)), rest);
    },
    showFieldErrors: (e) => control.showErrors(e.fields.map((f) => ({ ...f, field: f.field.replace(`${spec.part}.`, '') }))),
  });
}
