/**
 * A small iCalendar (RFC 5545) writer for all-day events: one VCALENDAR with
 * VERSION, PRODID, CALSCALE and METHOD:PUBLISH, and one VEVENT per event with
 * UID, DTSTAMP, DTSTART/DTEND as VALUE=DATE (DTEND is the day after: the end
 * is exclusive, §3.6.1), SUMMARY, DESCRIPTION and CATEGORIES. TEXT values are
 * escaped (§3.3.11: backslash, semicolon, comma, newline), lines end in CRLF
 * and are folded at 75 octets without splitting a UTF-8 character (§3.1).
 * Pure: the caller passes the timestamp.
 */
import { addDays, type IsoDate } from '../schedule/calendar';

export interface AllDayEvent {
  /** globally unique and stable across downloads, so calendar programs update instead of duplicating */
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: string[];
}

export interface CalendarDocument {
  /** X-WR-CALNAME: the name calendar programs show */
  name: string;
  events: readonly AllDayEvent[];
  /** DTSTAMP of every event (when the feed was made), an ISO instant */
  stamp: string;
}

const PRODID = '-//ips-trial//assessment calendar//EN';

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line at 75 octets: CRLF followed by one space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (date: IsoDate) => date.replace(/-/g, '');
const basicInstant = (instant: string) => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`;

function eventLines(event: AllDayEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${basicInstant(stamp)}`,
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** The whole calendar as text/calendar (CRLF line ends, folded). */
export function writeCalendar(calendar: CalendarDocument): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => eventLines(event, calendar.stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
