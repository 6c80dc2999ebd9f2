/**
 * The baseline form as the platform uses it: `baseline.json` with the
 * choices of `municipality` taken from the official municipality lists
 * (../municipalities.ts), so the lists live in one place and the server,
 * the staff pages and the tablet validate and label the same codes.
 */
import { municipalityChoices } from '../municipalities';
import baselineFile from './baseline.json';

// a municipality's name is what the participant reads too (answer = label)
const choices = municipalityChoices().map((c) => ({ ...c, answer: c.labels }));
export const baselineForm = { ...baselineFile, fields: baselineFile.fields.map((f) => (f.name === 'municipality' ? { ...f, choices } : f)) };
