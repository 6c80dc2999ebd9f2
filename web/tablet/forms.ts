/**
 * The research forms a participant can be asked on the tablet, imported
 * straight from the data dictionary (nothing is copied: a change to a form's
 * JSON reaches the tablet with the next build). Only these files are bundled,
 * to keep the participant page small.
 */
import type { Form } from '../../data-dictionary/types';
import { baselineForm as baseline } from '../../data-dictionary/forms/baseline-form';
import eq5d5l from '../../data-dictionary/forms/eq5d5l.json';
import eq5d3l from '../../data-dictionary/forms/eq5d3l.json';
import gse from '../../data-dictionary/forms/gse.json';
import serviceUse from '../../data-dictionary/forms/service_use.json';

export const TABLET_FORMS = [baseline, eq5d5l, eq5d3l, gse, serviceUse] as unknown as Form[];
