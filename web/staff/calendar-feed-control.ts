/**
 * The calendar-feed card on the time-log page: shows whether the staff
 * member has a calendar address in use, makes a new one (shown once, to be
 * copied into a calendar program) in the workspace's language, and revokes
 * it. Coaches get their own participants' windows, trial managers and
 * admins the whole trial's (server/services/calendar-feeds.ts).
 */
import { h, replace } from '../modules/dom';
import { formatDate, language } from './i18n';
import { t } from './texts/index';
import { get, getJson, paths, send, type User } from './staff-api';

const FEED_ROLES = new Set(['coach', 'trial_manager', 'admin']);

export function calendarFeedCard(user: User): HTMLElement | null {
  if (!FEED_ROLES.has(user.role)) return null;
  const card = h('section', { class: 'card', 'aria-labelledby': 'calendar-feed-title', id: 'calendar-feed' });
  const show = async (made?: string, note?: string) => {
    const feed = get<Record<string, unknown>>(await getJson(paths.calendarFeeds), 'feed') ?? null;
    const make = h('button', { type: 'button' }, t('calendar.make'));
    make.addEventListener('click', async () => {
      const answer = await send('POST', paths.calendarFeeds, { lang: language() });
      void show(`${location.origin}${String(get(answer, 'path'))}`);
    });
    const revoke = h('button', { type: 'button' }, t('calendar.revoke'));
    revoke.addEventListener('click', async () => {
      await send('DELETE', `${paths.calendarFeeds}/${String(get(feed, 'id'))}`);
      void show(undefined, t('calendar.revoked'));
    });
    const scope = user.role === 'coach' ? t('calendar.scopeCoach') : t('calendar.scopeTrial');
    replace(card,
      h('h2', { id: 'calendar-feed-title' }, t('calendar.title')),
      h('p', { class: 'hint' }, t('calendar.explain', { scope })),
      h('p', { role: 'status' }, note ?? (feed ? t('calendar.inUse', { date: formatDate(String(get(feed, 'createdAt')).slice(0, 10)) }) : t('calendar.none'))),
      ...(made ? [h('p', {}, t('calendar.shownOnce')), h('input', { type: 'text', readonly: true, value: made, 'aria-label': t('calendar.title'), size: 80 })] : []),
      h('p', { class: 'actions' }, make, ...(feed ? [' ', revoke] : [])));
  };
  void show();
  return card;
}
