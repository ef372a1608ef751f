/**
 * The daily anonymised export to the analytics database (spec/metabase.md §2): scheduled only
 * when ENABLE_METABASE_EXPORT=true; once per cluster and once per day (export/export-metabase.ts).
 */
import { runJob } from '../src/job-runtime.js';
import { exportMetabase, metabaseExportDeps } from '../src/export/export-metabase.js';
import { currentExportSlotStart } from '../src/export/metabase-schedule.js';

await runJob('export-metabase', async (deps) => {
  if (!deps.config.ENABLE_METABASE_EXPORT) return { status: 'disabled' };
  return exportMetabase(metabaseExportDeps(deps.config, deps.database, deps.logger), {
    trigger: 'schedule',
    skipIfDoneSince: currentExportSlotStart(new Date()),
  });
});
