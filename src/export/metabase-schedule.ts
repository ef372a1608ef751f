/**
 * When the analytics export runs (spec/metabase.md §2): every day at 08:00 UTC (09:00 or 10:00
 * in Paris). The scheduled run of a day is skipped by an instance that finds it already done
 * since that day's 08:00, so that instances whose clocks differ still export once.
 */
export const METABASE_EXPORT_HOUR_UTC = 8;

/** The Bree (cron) form of the schedule, read in UTC. */
export const METABASE_EXPORT_CRON = `0 ${METABASE_EXPORT_HOUR_UTC} * * *`;

/** The start of the schedule slot `now` is in: the latest 08:00 UTC at or before it. */
export function currentExportSlotStart(now: Date): Date {
  const slot = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), METABASE_EXPORT_HOUR_UTC),
  );
  if (slot.getTime() > now.getTime()) slot.setUTCDate(slot.getUTCDate() - 1);
  return slot;
}
