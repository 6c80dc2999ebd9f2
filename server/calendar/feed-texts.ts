/**
 * The words of the calendar feed in Swedish, Danish and English (a feed has
 * no browser to pick the language, so it is chosen when the feed is made).
 * Only study ids and dates are put around these words: never a name.
 */
import type { CalendarLang, CalendarScope } from '../db/queries/calendar-feeds';

export type WindowMark = 'opens' | 'target' | 'closes';

export interface FeedTexts {
  calendarName: Record<CalendarScope, string>;
  timepoint: (months: number) => string;
  mark: Record<WindowMark, string>;
  description: (studyId: string, windowStart: string, targetDate: string, windowEnd: string) => string;
  category: string;
  openDataQuery: string;
  dataQueryDescription: (id: number, studyId: string, record: string, field: string, openedOn: string) => string;
  dataQueryCategory: string;
}

export const FEED_TEXTS: Record<CalendarLang, FeedTexts> = {
  sv: {
    calendarName: { coach: 'IPS-uppföljningar: mina deltagare', trial: 'IPS-uppföljningar: hela studien' },
    timepoint: (m) => (m === 0 ? 'baslinje' : `${m}-månadersuppföljning`),
    mark: { opens: 'fönstret öppnar', target: 'måldatum', closes: 'fönstret stänger' },
    description: (id, start, target, end) => `Studie-id ${id}. Fönster ${start} till ${end}, måldatum ${target}.`,
    category: 'IPS-uppföljning',
    openDataQuery: 'öppen dataförfrågan',
    dataQueryDescription: (id, studyId, record, field, opened) => `Dataförfrågan ${id} om studie-id ${studyId}: ${record}, fältet ${field}. Öppen sedan ${opened}; svara på den i arbetsytan.`,
    dataQueryCategory: 'Dataförfrågan',
  },
  da: {
    calendarName: { coach: 'IPS-opfølgninger: mine deltagere', trial: 'IPS-opfølgninger: hele forsøget' },
    timepoint: (m) => (m === 0 ? 'baseline' : `${m}-måneders opfølgning`),
    mark: { opens: 'vinduet åbner', target: 'måldato', closes: 'vinduet lukker' },
    description: (id, start, target, end) => `Forsøgs-id ${id}. Vindue ${start} til ${end}, måldato ${target}.`,
    category: 'IPS-opfølgning',
    openDataQuery: 'åben dataforespørgsel',
    dataQueryDescription: (id, studyId, record, field, opened) => `Dataforespørgsel ${id} om forsøgs-id ${studyId}: ${record}, feltet ${field}. Åben siden ${opened}; svar på den i arbejdsområdet.`,
    dataQueryCategory: 'Dataforespørgsel',
  },
  en: {
    calendarName: { coach: 'IPS follow-up: my participants', trial: 'IPS follow-up: whole trial' },
    timepoint: (m) => (m === 0 ? 'baseline' : `${m}-month follow-up`),
    mark: { opens: 'window opens', target: 'target date', closes: 'window closes' },
    description: (id, start, target, end) => `Study id ${id}. Window ${start} to ${end}, target date ${target}.`,
    category: 'IPS follow-up',
    openDataQuery: 'open data query',
    dataQueryDescription: (id, studyId, record, field, opened) => `Data query ${id} on study id ${studyId}: ${record}, field ${field}. Open since ${opened}; answer it in the workspace.`,
    dataQueryCategory: 'Data query',
  },
};
