import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from '../../../../server/calendar/ics-writer';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('server/calendar/ics-writer', () => {
  it('escapes backslash, semicolon, comma and newline in text values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, and unfolds to the same text', () => {
    const line = `SUMMARY:${'åäö måldag '.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('writes all-day events a calendar library reads back with the same dates, texts and UIDs', () => {
    const summary = 'IPS-0001 · 6-månadersuppföljning: fönstret öppnar; med komma, och snedstreck \\ och en lång text '.repeat(2);
    const text = writeCalendar({
      name: 'Test',
      stamp: '2026-03-01T08:30:00.000Z',
      events: [
        { uid: 'a@x', date: '2026-02-28', summary, description: 'rad ett\nrad två', categories: ['IPS'] },
        { uid: 'b@x', date: '2028-02-29', summary: 'skottdag' },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['a@x', 'b@x']);
    expect(events[0].summary).toBe(summary);
    expect(events[0].description).toBe('rad ett\nrad två');
    expect(events[0].startDate.isDate).toBe(true);
    expect(events[0].startDate.toString()).toBe('2026-02-28');
    expect(events[0].endDate.toString()).toBe('2026-03-01');
    expect(events[1].endDate.toString()).toBe('2028-03-01');
    expect(calendar.getAllSubcomponents('vevent')[0].getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-03-01T08:30:00Z');
  });
});
