/**
 * An OCR reading whose letterhead or footer came out as noise proves no absence of the company's
 * identity (ocr-edges.ts, DESIGN.md §5); the other absences and text documents are unchanged.
 */
import { describe, expect, it } from '@jest/globals';
import { hasUnreadEdge, isOcrNoise } from '../../src/rules/ocr-edges.js';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeGeste, completeQuote, TODAY } from './fixtures.js';

describe('OCR noise', () => {
  it.each([
    ['Pas   EE NS   TEMPS'],
    ['C0 1446 A1   es   EE AE EE EE RERO   ea a 1   AT   2'],
    ['ie ol PT Zn 8 ss Ra'],
  ])('%s is noise', (line) => expect(isOcrNoise(line)).toBe(true));

  it.each([
    ['SARL CHABANNE & FILS'],
    ['1. Fourniture panneaux isolants KNAUF Fibra   68 M2   27,40   1863,20   5,5'],
    ['Tél.   03 53 01 64 22'],
    ['Qualibat RGE No E-E071944 - Assurance décennale CAMBTP, police'],
    ['TVA 5,5 % s/ 3502,00 .. 192,61 EUR'],
    ['58000 SERMOISE-SUR-LOIRE'],
    ['M. et Mme DUPONT Jean'],
    ['SARL au capital de 5 000 € - RCS Lyon - NAF 4322B'],
  ])('%s is text', (line) => expect(isOcrNoise(line)).toBe(false));

  it('looks at the first and last lines of each page only', () => {
    const page = (n: number, texts: string[]) => texts.map((text) => ({ text, page: n }));
    const body = ['SARL Exemple', 'Devis n° 12', 'Isolation des combles', 'Total HT 100,00'];
    expect(hasUnreadEdge(page(1, body))).toBe(false);
    expect(hasUnreadEdge(page(1, [...body, 'Pas EE NS TEMPS']))).toBe(true);
    expect(hasUnreadEdge(page(1, ['C0 1446 A1 es EE AE', ...body]))).toBe(true);
    expect(hasUnreadEdge(page(1, ['SARL', 'Devis', 'ie ol PT Zn', ...body, 'Fin', 'Merci']))).toBe(
      false,
    );
    expect(hasUnreadEdge([...page(1, body), ...page(2, ['Conditions', 'Pas EE NS TEMPS'])])).toBe(
      true,
    );
  });
});

function judge(text: string, ocr: boolean) {
  const quote = completeQuote() as unknown as Record<string, unknown>;
  quote.gestes = [completeGeste('isolation_comble_perdu')];
  const pro = { ...(quote.pro as Record<string, unknown>) };
  delete pro.siret;
  quote.pro = pro;
  delete quote.date_pre_visite;
  const lines = text.split('\n').map((l) => ({ text: l, page: 1 }));
  return validateQuote({
    checkId: CHECK_ID,
    attributes: quote,
    today: TODAY,
    evidence: { lines, termsStart: -1, ocr },
  });
}

describe('identity absences on a scan whose footer was not read', () => {
  const body = 'SARL Exemple\nDevis n° 12\nIsolation des combles perdus\nTotal HT 2 500,00 €';

  it('go to à vérifier when an edge is noise; other absences stay findings', () => {
    const result = judge(`${body}\nPas   EE NS   TEMPS`, true);
    expect(result.errors).toEqual(['date_pre_visite_manquant']);
    expect(result.toVerify?.map((t) => t.code)).toEqual(['siret_manquant']);
  });

  it('stay findings when the edges were read, or on a text document', () => {
    expect(judge(`${body}\nMerci de votre confiance`, true).errors).toContain('siret_manquant');
    expect(judge(`${body}\nPas   EE NS   TEMPS`, false).errors).toContain('siret_manquant');
  });
});
