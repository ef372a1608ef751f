/** The French lines command-line tools show for warnings (src/log-notices.ts). */
import { describe, expect, it } from '@jest/globals';
import { noticeOf } from '../src/log-notices.js';

describe('noticeOf', () => {
  it('names the registry that could not be reached and what was not verified', () => {
    expect(
      noticeOf({ level: 40, msg: 'registry unavailable: not verified', adapter: 'ademe' }),
    ).toBe('Annuaire RGE de l’ADEME injoignable : vérification RGE non faite.');
  });

  it('names the service of a failed step from its error, and what happens next', () => {
    const err = { type: 'UpstreamError', adapter: 'llm', message: 'LLM ollama: délai dépassé' };
    expect(noticeOf({ level: 40, msg: 'step failed: will retry', err })).toBe(
      'Service d’IA (LLM) indisponible : nouvel essai dans quelques instants.',
    );
    expect(
      noticeOf({
        level: 50,
        msg: 'step failed for the last time: giving up',
        err,
        outcome: 'continued',
      }),
    ).toBe('Service d’IA (LLM) indisponible : l’analyse continue sans ce service.');
  });

  it('says where an analytics export failed and that the previous one stays', () => {
    expect(
      noticeOf({
        level: 50,
        msg: 'metabase export failed',
        step: 'table processing_logs',
        reason: 'connexion à la base de données coupée',
      }),
    ).toBe(
      'Export Metabase en échec (table processing_logs) : connexion à la base de données coupée. L’export précédent reste en place.',
    );
  });

  it('says something French, without internal words, for an event it does not know', () => {
    expect(noticeOf({ level: 40, msg: 'something new happened' })).toBe(
      'Avertissement technique : relancez avec LOG_LEVEL=debug pour le détail.',
    );
    expect(noticeOf({ level: 50, msg: 'boom' })).toMatch(/^Erreur technique/u);
  });
});
