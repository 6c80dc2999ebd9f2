/**
 * The calendar events of open data queries: one all-day event per query on
 * the day the feed is read ("still open"), so it moves forward with each
 * refresh until the query is answered, and then drops out. Named by study id,
 * record and field only: a query's comments may hold anything a monitor
 * typed, so they never go into a feed. The UID is the query's id, so a
 * calendar program moves the one event rather than adding another.
 */
import type { OpenDataQueryForFeed } from '../db/queries/data-queries';
import type { FeedTexts } from './feed-texts';
import type { AllDayEvent } from './ics-writer';

export function dataQueryEvents(queries: readonly OpenDataQueryForFeed[], today: string, texts: FeedTexts): AllDayEvent[] {
  return queries.map((q) => {
    const record = q.form === null ? q.record_kind : `${q.form}, ${texts.timepoint(q.timepoint ?? 0)}`;
    return {
      uid: `data-query-${q.id}@ips-trial.data-queries`,
      date: today,
      summary: `${q.study_id} · ${texts.openDataQuery}`,
      description: texts.dataQueryDescription(q.id, q.study_id, record, q.field_name, q.created_at.slice(0, 10)),
      categories: [texts.dataQueryCategory],
    };
  });
}
