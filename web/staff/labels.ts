/**
 * Words for codes, in the chosen language: form, field and choice labels
 * from the data dictionary (which has them in sv/da/en), and the staff
 * catalogue's names for flow stages, arms, assessment states and roles.
 * An unknown code is shown as it is.
 */
import { getField, getForm } from '../../data-dictionary/index';
import { language } from './i18n';
import { hasMessage, t } from './texts/index';

/** A form's name from the dictionary. */
export function formLabel(formName: string): string {
  return getForm(formName)?.labels[language()] ?? formName;
}

/** A field's label from the dictionary. */
export function fieldLabel(formName: string, fieldName: string): string {
  return getField(formName, fieldName)?.labels[language()] ?? fieldName;
}

/** The dictionary's label of a coded value (e.g. episode_type 'competitive'). */
export function choiceLabel(formName: string, fieldName: string, code: unknown): string {
  const choice = getField(formName, fieldName)?.choices?.find((c) => c.code === code);
  return choice ? choice.labels[language()] : code === null || code === undefined ? '' : String(code);
}

function coded(prefix: string, code: unknown): string {
  const key = `${prefix}.${String(code ?? '')}`;
  return hasMessage(key) ? t(key) : String(code ?? '');
}

/** A participant's flow stage (referred, eligible, consented …). */
export const stageLabel = (stage: unknown): string => coded('stage', stage);
/** An assessment's state (upcoming, open, overdue …). */
export const assessmentStateLabel = (state: unknown): string => coded('assessment', state);
/** A staff role. */
export const roleLabel = (role: unknown): string => coded('role', role);
/** A report's or export's status (running, done, failed). */
export const jobStatusLabel = (status: unknown): string => coded('job', status);
/** The arm in short (IPS, usual care). */
export const armLabel = (arm: unknown): string => (arm === 'ips' || arm === 'control' ? t(`arm.${arm}`) : String(arm ?? ''));
/** The arm in full, as shown after randomization. */
export const armLongLabel = (arm: unknown): string => (arm === 'ips' ? t('arm.ipsLong') : arm === 'control' ? t('arm.controlLong') : String(arm ?? ''));
