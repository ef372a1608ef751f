/**
 * Virus scan (DESIGN.md §4), before any text is read or sent anywhere: ClamAV over INSTREAM when
 * configured. An infected file stops the check: the later steps see `reading.kind = infected`.
 * Without ClamAV the step is skipped (and the service says so once at start).
 */
import { getQuoteFileData, setSecurityScan } from '../../db/quote-files-repo.js';
import type { Step } from './step.js';

export const INFECTED_PROBLEM =
  'Notre antivirus a détecté un contenu malveillant dans ce fichier : il n’a pas été ouvert. ' +
  'Vérifiez votre poste avec un antivirus à jour, puis renvoyez le devis tel que le produit ' +
  'le logiciel de devis.';

export const scanStep: Step = {
  name: 'scan',
  from: 'received',
  async run(check, deps) {
    if (!deps.clamav || !check.fileId) return { patch: {}, outcome: 'skipped' };
    const bytes = await getQuoteFileData(deps.db, check.fileId);
    if (!bytes) return { patch: {}, outcome: 'skipped' };
    const result = await deps.clamav.scan(bytes);
    await setSecurityScan(deps.db, check.fileId, result.clean);
    if (result.clean) return { patch: {}, outcome: 'done', version: 'clamav' };
    deps.logger.warn({ quoteCheckId: check.id, fileId: check.fileId }, 'infected file');
    return {
      patch: {
        reading: { kind: 'infected', code: 'file_reading_error', problem: INFECTED_PROBLEM },
      },
      outcome: 'done',
      version: 'clamav',
    };
  },
};
