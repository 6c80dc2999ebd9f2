/**
 * Calendar feeds: a coach's secret address gives the assessment windows of
 * the participants they coach as all-day events a calendar library reads,
 * with study ids only; a trial manager's gives the whole trial; revoking
 * makes the address answer 404; making and revoking are audited.
 */
import ICAL from 'ical.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, registration } from './fixtures';

interface Window {
  timepoint: number;
  windowStart: string;
  targetDate: string;
  windowEnd: string;
  state: string;
}

let server: TestServer;
const studyIds: string[] = [];
beforeAll(async () => {
  server = await createTestServer();
  const tm = server.as('trial_manager');
  for (const [n, coach] of [[1, server.ids.coach], [2, null]] as const) {
    const res = await tm.send('POST', '/api/participants', { ...registration('TST-A', n), coach_id: coach });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const studyId = res.body.participant.studyId as string;
    await makeReady(server, studyId);
    expect((await tm.send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
    studyIds.push(studyId);
  }
}, 60_000);
afterAll(() => server?.close());

async function windowsOf(studyId: string): Promise<Window[]> {
  const res = await server.as('trial_manager').get(`/api/participants/${studyId}/assessments`);
  return res.body.assessments as Window[];
}

async function fetchFeed(path: string) {
  return request(server.app).get(path); // no cookie: as a calendar program
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** What the feed must hold for one participant: three days per assessment still to be done. */
function expectedDays(studyId: string, windows: Window[]): string[] {
  return windows
    .filter((w) => ['upcoming', 'open', 'overdue'].includes(w.state))
    .flatMap((w) => [`${studyId} ${w.timepoint} opens ${w.windowStart}`, `${studyId} ${w.timepoint} target ${w.targetDate}`, `${studyId} ${w.timepoint} closes ${w.windowEnd}`]);
}

const dayOf = (event: ICAL.Event) => {
  const [, studyId, timepoint, mark] = /^(.+)-m(\d+)-(opens|target|closes)@/.exec(event.uid)!;
  return `${studyId} ${timepoint} ${mark} ${event.startDate.toString()}`;
};

describe('api: calendar feeds', () => {
  let coachPath: string;

  it("gives a coach the windows of their own participants as all-day events, valid iCalendar with CRLF and folded lines", async () => {
    const made = await server.as('coach').send('POST', '/api/calendar-feeds', { lang: 'sv' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.feed).toMatchObject({ scope: 'coach', lang: 'sv' });
    coachPath = made.body.path;
    expect(coachPath).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const res = await fetchFeed(coachPath);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const text = res.text;
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const events = eventsOf(text);
    const mine = await windowsOf(studyIds[0]);
    expect(mine.filter((w) => w.state === 'upcoming')).toHaveLength(4); // 6, 12, 18 and 24 months; baseline is done
    expect(events.map(dayOf).sort()).toEqual(expectedDays(studyIds[0], mine).sort());
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.endDate.toString()).toBe(addOneDay(event.startDate.toString()));
      expect(event.summary.startsWith(`${studyIds[0]} · `)).toBe(true);
    }
    expect(events.find((e) => e.uid.includes('-m6-target'))!.summary).toBe(`${studyIds[0]} · 6-månadersuppföljning: måldatum`);
    expect(text).not.toContain(studyIds[1]);
  });

  it('never puts a name, personnummer, phone, address or staff account in the feed', async () => {
    const text = (await fetchFeed(coachPath)).text.replace(/\r\n /g, '');
    const trial = await server.as('trial_manager').send('POST', '/api/calendar-feeds', { lang: 'en' });
    const whole = (await fetchFeed(trial.body.path)).text.replace(/\r\n /g, '');
    for (const n of [1, 2]) {
      const identity = registration('TST-A', n).identity;
      const digits = identity.personal_number.replace(/\D/g, '');
      for (const needle of [identity.person_name, ...identity.person_name.split(' '), digits, digits.slice(2), identity.personal_number, identity.person_phone, identity.person_phone.replace(/\D/g, ''), identity.street_address, identity.postal_town]) {
        expect(text).not.toContain(needle);
        expect(whole).not.toContain(needle);
      }
    }
    for (const role of ['coach', 'trial_manager'] as const) {
      expect(whole).not.toContain(server.emailOf(role));
      expect(whole).not.toContain(`Test ${role}`);
    }
  });

  it("gives a trial manager the whole trial's windows", async () => {
    const made = await server.as('trial_manager').send('POST', '/api/calendar-feeds', { lang: 'en' });
    expect(made.body.feed.scope).toBe('trial');
    const events = eventsOf((await fetchFeed(made.body.path)).text);
    const expected = [...expectedDays(studyIds[0], await windowsOf(studyIds[0])), ...expectedDays(studyIds[1], await windowsOf(studyIds[1]))];
    expect(events.map(dayOf).sort()).toEqual(expected.sort());
    expect(events.find((e) => e.uid === `${studyIds[1]}-m12-closes@ips-trial.assessments`)!.summary).toBe(`${studyIds[1]} · 12-month follow-up: window closes`);
  });

  it('keeps the same UIDs on every download (calendar programs update, not duplicate)', async () => {
    const first = eventsOf((await fetchFeed(coachPath)).text).map((e) => e.uid);
    const second = eventsOf((await fetchFeed(coachPath)).text).map((e) => e.uid);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('shows each open data query on the day the feed is read, study id and field only, until it is answered', async () => {
    const monitor = server.as('data_monitor');
    const comment = 'Checked against the paper form of Testperson?';
    const queries: number[] = [];
    for (const studyId of studyIds) {
      const opened = await monitor.send('POST', '/api/data-queries', { participant: studyId, recordKind: 'response', form: 'eq5d5l', timepoint: 0, field: 'eq5d_mo', comment });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      queries.push(opened.body.dataQuery.id);
    }
    const today = new Date().toISOString().slice(0, 10);
    const queryEvents = (text: string) => eventsOf(text).filter((e) => e.uid.endsWith('@ips-trial.data-queries'));
    const coachFeed = (await fetchFeed(coachPath)).text;
    const mine = queryEvents(coachFeed);
    expect(mine.map((e) => e.uid)).toEqual([`data-query-${queries[0]}@ips-trial.data-queries`]);
    expect(mine[0].summary).toBe(`${studyIds[0]} · öppen dataförfrågan`);
    expect(mine[0].description).toContain('eq5d_mo');
    expect(Math.abs(Date.parse(mine[0].startDate.toString()) - Date.parse(today))).toBeLessThanOrEqual(86_400_000); // the study's time zone may be a day off UTC
    expect(coachFeed.replace(/\r\n /g, '')).not.toContain(comment);

    const trial = await server.as('trial_manager').send('POST', '/api/calendar-feeds', { lang: 'en' });
    const whole = queryEvents((await fetchFeed(trial.body.path)).text);
    expect(whole.map((e) => e.uid).sort()).toEqual(queries.map((id) => `data-query-${id}@ips-trial.data-queries`).sort());
    expect(whole[0].summary).toMatch(/ · open data query$/);

    expect((await server.as('coach').send('POST', `/api/data-queries/${queries[0]}/answer`, { comment: 'Matches the paper form' })).status).toBe(200);
    expect(queryEvents((await fetchFeed(coachPath)).text)).toEqual([]);
  });

  it('answers 404 once revoked, and a new feed replaces the old address; both audited without the token', async () => {
    const coach = server.as('coach');
    const current = await coach.get('/api/calendar-feeds');
    const id = current.body.feed.id as number;
    expect((await coach.send('DELETE', `/api/calendar-feeds/${id}`)).status).toBe(204);
    const gone = await fetchFeed(coachPath);
    expect(gone.status).toBe(404);
    expect(JSON.stringify(gone.body)).not.toContain(coachPath.slice(14, 57));
    expect((await coach.send('DELETE', `/api/calendar-feeds/${id}`)).status).toBe(404);
    expect((await coach.get('/api/calendar-feeds')).body.feed).toBeNull();

    const first = (await coach.send('POST', '/api/calendar-feeds', {})).body.path as string;
    const second = (await coach.send('POST', '/api/calendar-feeds', { lang: 'da' })).body.path as string;
    expect((await fetchFeed(first)).status).toBe(404);
    const danish = await fetchFeed(second);
    expect(danish.status).toBe(200);
    expect(danish.text).toContain('måldato');

    const entries = server.db.prepare("SELECT action, after_json, before_json FROM audit_entries WHERE entity = 'calendar_feed' AND actor_id = ? ORDER BY id").all(server.ids.coach) as { action: string; after_json: string | null; before_json: string | null }[];
    expect(entries.map((e) => e.action)).toEqual(['create', 'revoke', 'create', 'revoke', 'create']);
    const tokens = [coachPath, first, second].map((p) => p.slice('/api/calendar/'.length, -'.ics'.length));
    for (const entry of entries) for (const token of tokens) expect(`${entry.after_json}${entry.before_json}`).not.toContain(token);
  });

  it('refuses another staff member revoking a feed that is not theirs, and unknown addresses', async () => {
    const mine = (await server.as('trial_manager').get('/api/calendar-feeds')).body.feed.id as number;
    expect((await server.as('coach').send('DELETE', `/api/calendar-feeds/${mine}`)).status).toBe(404);
    expect((await fetchFeed(`/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed('/api/calendar/short.ics')).status).toBe(404);
  });

  it('stops the feed of a deactivated staff member', async () => {
    const made = await server.as('coach').send('POST', '/api/calendar-feeds', {});
    expect((await fetchFeed(made.body.path)).status).toBe(200);
    server.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(server.ids.coach);
    try {
      expect((await fetchFeed(made.body.path)).status).toBe(404);
    } finally {
      server.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(server.ids.coach);
    }
  });
});

function addOneDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describePermissionMatrix('calendar feeds', [
  { method: 'POST', path: '/api/calendar-feeds', body: { lang: 'xx' }, allow: ['coach', 'trial_manager', 'admin'] },
  { method: 'GET', path: '/api/calendar-feeds', allow: ['coach', 'trial_manager', 'admin'] },
  { method: 'DELETE', path: '/api/calendar-feeds/999', allow: ['coach', 'trial_manager', 'admin'] },
]);
