import { describe, expect, it } from '@jest/globals';
import { FINDING_CATALOGUE, FINDING_CODES } from '../../src/domain/finding-codes.js';
import { mentionSignsOf } from '../../src/domain/mention-signs.js';
import type { EvidenceDocument } from '../../src/rules/evidence.js';
import { isAbsenceFinding } from '../../src/rules/evidence.js';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeGeste, completeQuote, TODAY } from './fixtures.js';

function doc(text: string, opts: { ocr?: boolean; termsStart?: number } = {}): EvidenceDocument {
  const lines = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ text: l, page: 1 }));
  return { lines, termsStart: opts.termsStart ?? -1, ocr: opts.ocr ?? false };
}

function judge(edit: (q: Record<string, unknown>) => void, text: string, ocr = false) {
  const quote = completeQuote() as unknown as Record<string, unknown>;
  quote.gestes = [completeGeste('isolation_comble_perdu')];
  edit(quote);
  return validateQuote({
    checkId: CHECK_ID,
    attributes: quote,
    today: TODAY,
    evidence: doc(text, { ocr }),
  });
}

describe('evidence before absence (DESIGN.md §5)', () => {
  it('declares the signs of every absence code of the catalogue', () => {
    const undeclared = FINDING_CODES.filter((code) =>
      isAbsenceFinding({ code, type: FINDING_CATALOGUE[code].type }),
    ).filter((code) => mentionSignsOf(code) === undefined);
    expect(undeclared).toEqual([]);
  });

  it('keeps the finding when the document shows no sign of the mention', () => {
    const result = judge((q) => delete q.date_pre_visite, 'Devis n° 12\nIsolation des combles');
    expect(result.errors).toEqual(['date_pre_visite_manquant']);
    expect(result.toVerify).toEqual([]);
  });

  it.each([
    ['Visite technique réalisée le 12/10/2026'],
    ['Métré réalisé sur place le 3 octobre 2026'],
    ['Relevé sur site du 02.10.26'],
  ])('turns it into an à vérifier line when a labelled date is printed: %s', (line) => {
    const result = judge((q) => delete q.date_pre_visite, `Devis n° 12\n${line}`);
    expect(result.errors).toEqual([]);
    expect(result.toVerify).toEqual([
      { code: 'date_pre_visite_manquant', label: 'la date de la visite préalable', page: 1 },
    ]);
  });

  it('needs a value next to a label that announces a date: a heading alone is no sign', () => {
    const result = judge(
      (q) => delete q.date_pre_visite,
      'Une visite préalable est obligatoire avant tout chantier',
    );
    expect(result.errors).toEqual(['date_pre_visite_manquant']);
  });

  it.each([
    ['Nos équipes pourraient intervenir en février 2027, selon la date de retour'],
    ['Intervention à partir du 15 février 2027'],
    ['Délai d’exécution : 6 semaines après acceptation'],
  ])('a start stated in prose is a sign: %s', (line) => {
    expect(judge((q) => delete q.date_debut_chantier, line).errors).toEqual([]);
  });

  it('a start label needs a date or a delay: an address is no start', () => {
    const line = "Adresse d'intervention : 12 rue des Lilas";
    expect(judge((q) => delete q.date_debut_chantier, line).errors).toEqual([
      'date_chantier_manquant',
    ]);
  });

  it('reads the surroundings of a label within its sentence only', () => {
    const line =
      'TVA réduite, attestation simplifiée à signer par le client. Le présent devis est valable 90 jours.';
    expect(judge((q) => delete q.validite, line).errors).toEqual([]);
  });

  it('takes no sign from a line about something else (an RGE label valid until…)', () => {
    const text = 'Qualification RGE Qualibat n° E-E176203 valable jusqu’au 30/04/2028';
    expect(judge((q) => delete q.validite, text).errors).toEqual(['date_validite_manquant']);
    expect(judge((q) => delete q.validite, 'Devis valable 3 mois').errors).toEqual([]);
  });

  it('reads labels through common OCR confusions on scans only', () => {
    const text = 'Assurance décennale : SMA, police n° 55';
    const scanned = 'Assurancc déccnna1e : SMA, po1ice n° 55';
    expect(judge((q) => delete (q.pro as Record<string, unknown>).assurance, text).errors).toEqual(
      [],
    );
    expect(
      judge((q) => delete (q.pro as Record<string, unknown>).assurance, scanned, true).errors,
    ).toEqual([]);
    expect(
      judge((q) => delete (q.pro as Record<string, unknown>).assurance, scanned, false).errors,
    ).toEqual(['pro_assurance_manquant']);
  });

  it('joins letter-spaced words before looking', () => {
    const result = judge((q) => delete q.mention_devis, 'D E V I S   N° 2026-12');
    expect(result.errors).toEqual([]);
  });

  it('looks for identity signs on the terms pages too, but for works signs only before them', () => {
    const text =
      'Devis n° 1\nIsolation des combles\nCONDITIONS GÉNÉRALES DE VENTE\nSARL Exemple, assurée par SMA, police 12';
    const lines = doc(text, { termsStart: 2 });
    const quote = completeQuote() as unknown as Record<string, unknown>;
    quote.gestes = [{ ...completeGeste('isolation_comble_perdu'), marque_isolant: undefined }];
    delete (quote.pro as Record<string, unknown>).assurance;
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: quote,
      today: TODAY,
      evidence: lines,
    });
    expect(result.errors).toEqual(['isolation_marque_manquant']);
    expect(result.toVerify.map((t) => t.code)).toEqual(['pro_assurance_manquant']);
    const withBrand = doc(`${text}\nMarque Isover`, { termsStart: 2 });
    delete (quote.pro as Record<string, unknown>).assurance;
    const second = validateQuote({
      checkId: CHECK_ID,
      attributes: quote,
      today: TODAY,
      evidence: withBrand,
    });
    expect(second.errors).toEqual(['isolation_marque_manquant']);
  });

  it('looks for a geste’s values in its own lines when the quote has several gestes', () => {
    const quote = completeQuote() as unknown as Record<string, unknown>;
    const window = (room: string, sw?: number) => ({
      ...completeGeste('menuiserie_fenetre'),
      intitule: `Fenêtre PVC oscillo-battante – ${room}`,
      sw,
    });
    quote.gestes = [window('Séjour', 0.42), window('Salle de bains')];
    const text = [
      '1 Fenêtre PVC oscillo-battante – Séjour 1 u 800,00',
      '– Uw = 1,3 W/m².K – Sw = 0,42',
      '2 Fenêtre PVC oscillo-battante – Salle de bains 1 u 640,00',
      '– Uw = 1,4 W/m².K',
      'Total HT 1 440,00',
    ].join('\n');
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: quote,
      today: TODAY,
      evidence: doc(text),
    });
    expect(result.errors).toEqual(['menuiserie_sw_fenetre_manquant']);
    expect(result.details[0]?.geste_id).toBe(`${CHECK_ID}-geste-2`);
  });

  it('takes a mention printed once per geste of the family as printed for each, wherever it stands', () => {
    // each opening is described in a block above its own price table: the block of the second
    // window stands in the first one's lines, so its Uw is not in its own
    const quote = completeQuote() as unknown as Record<string, unknown>;
    const window = (room: string) => ({
      ...completeGeste('menuiserie_fenetre'),
      intitule: `Fenêtre PVC 2 vantaux – ${room}`,
      uw: undefined,
    });
    quote.gestes = [window('Séjour'), window('Chambre')];
    const blocks = (uwOfSecond: string) =>
      [
        'F1 Séjour – fenêtre 1200 × 1350',
        'Performance Uw = 1,3 W/m².K',
        '1 Fenêtre PVC 2 vantaux – Séjour 1 u 900,00',
        'F2 Chambre – fenêtre 1000 × 1250',
        `Performance ${uwOfSecond}`,
        '2 Fenêtre PVC 2 vantaux – Chambre 1 u 800,00',
        'Total HT 1 700,00',
      ].join('\n');
    const judgeWith = (text: string) =>
      validateQuote({ checkId: CHECK_ID, attributes: quote, today: TODAY, evidence: doc(text) });
    const printedTwice = judgeWith(blocks('Uw = 1,2 W/m².K'));
    expect(printedTwice.errors).not.toContain('menuiserie_uw_fenetre_manquant');
    expect(printedTwice.toVerify.map((t) => t.code)).toContain('menuiserie_uw_fenetre_manquant');
    // printed once for two windows: one of them lacks it, claimed where no sign stands
    const printedOnce = judgeWith(blocks('double vitrage'));
    expect(printedOnce.errors).toContain('menuiserie_uw_fenetre_manquant');
  });

  it('also looks for a geste’s values in a passage that names its brand or model', () => {
    const quote = completeQuote() as unknown as Record<string, unknown>;
    const window = (brand: string, room: string, sw?: number) => ({
      ...completeGeste('menuiserie_fenetre'),
      marque: brand,
      reference: `${brand === 'ALUVIA' ? 'Clara' : 'Nordis'} 70`,
      intitule: `Fenêtre PVC ${brand} – ${room}`,
      sw,
    });
    quote.gestes = [window('ALUVIA', 'Séjour', 0.42), window('BOREALIS', 'Chambre')];
    const table = [
      '1 Fenêtre PVC ALUVIA – Séjour 1 u 800,00',
      '2 Fenêtre PVC BOREALIS – Chambre 1 u 640,00',
      'Total HT 1 440,00',
    ];
    const judgeWith = (text: string[]) =>
      validateQuote({
        checkId: CHECK_ID,
        attributes: quote,
        today: TODAY,
        evidence: doc(text.join('\n')),
      });
    // no sign of the second window's solar factor anywhere: the finding stands
    expect(judgeWith(table).errors).toEqual(['menuiserie_sw_fenetre_manquant']);
    // a description above the table names it and prints a factor the reader did not take
    const described = judgeWith([
      'Les fenêtres BOREALIS Nordis 70 : facteur solaire Sw 0,4x',
      ...table,
    ]);
    expect(described.errors).toEqual([]);
    expect(described.toVerify.map((t) => t.code)).toEqual(['menuiserie_sw_fenetre_manquant']);
  });

  it.each([
    ['3 Pose du poêle, raccordement, essais et mise en route 1 forf 450,00'],
    ["MO-POSE Main-d'œuvre : pose des fenêtres 3 u 340,00"],
    ['Installation, tirage au vide, contrôle d’étanchéité 1 150.00 €'],
  ])('a labour line of its own is a sign that supply and installation are apart: %s', (line) => {
    const result = judge((q) => (q.separation_prix_fourniture_pose = false), line);
    expect(result.errors).toEqual([]);
  });

  it.each([
    ['– Pose en rénovation sur dormant existant'],
    ['• Mise en œuvre en sous-face par chevillage'],
  ])('a description bullet is no labour line: %s', (line) => {
    const result = judge((q) => (q.separation_prix_fourniture_pose = false), line);
    expect(result.errors).toEqual(['separation_fourniture_pose_manquant']);
  });

  it('turns every absence of a failed OCR reading into à vérifier lines, not of a text layer', () => {
    const edit = (q: Record<string, unknown>) => {
      for (const key of ['numero_devis', 'date_devis', 'date_pre_visite', 'validite'] as const)
        delete q[key];
      const pro = q.pro as Record<string, unknown>;
      for (const key of ['assurance', 'capital', 'numero_tva']) delete pro[key];
    };
    const garbled = 'l|; ,rn1 ;;\nqqq';
    const scanned = judge(edit, garbled, true);
    expect(scanned.errors).toEqual([]);
    expect(scanned.toVerify).toHaveLength(7);
    expect(judge(edit, garbled, false).errors).toHaveLength(7);
  });

  it('passes other findings through unchanged', () => {
    const result = judge((q) => ((q.pro as Record<string, unknown>).siret = '123'), 'SIRET 123');
    // raised by the admin control and again by the RGE control (spec/rules.md §3.3)
    expect(result.errors).toEqual(['siret_format_erreur', 'siret_format_erreur']);
  });
});

describe('a quote without any energy-renovation geste (DESIGN.md §5)', () => {
  it('gets one finding of its own instead of a list of missing mentions', () => {
    const quote = { type_fichier: 'devis', mention_devis: true } as const;
    const result = validateQuote({ checkId: CHECK_ID, attributes: quote, today: TODAY });
    expect(result.errors).toEqual(['geste_renovation_energetique_absent']);
    expect(result.details[0]?.category).toBe('file');
  });

  it('is checked as usual, with an à vérifier line, when the document names such works the reader missed', () => {
    const quote = { ...completeQuote(), gestes: [] };
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: quote,
      today: TODAY,
      evidence: doc('Fourniture et pose d’une pompe à chaleur air/eau'),
    });
    expect(result.errors).not.toContain('geste_renovation_energetique_absent');
    expect(result.toVerify.map((t) => t.code)).toEqual(['geste_renovation_energetique_absent']);
  });

  it('on a scan whose works could not be read, turns every absence into an à vérifier line', () => {
    const quote = { ...completeQuote(), gestes: [] } as unknown as Record<string, unknown>;
    delete (quote.pro as Record<string, unknown>).siret;
    const judgeScan = (ocr: boolean) =>
      validateQuote({
        checkId: CHECK_ID,
        attributes: quote,
        today: TODAY,
        evidence: doc('Fourniture et pose d’une pompe à chaleur air/eau', { ocr }),
      });
    // a text layer read that well is trusted: the SIRET is missing
    expect(judgeScan(false).errors).toContain('siret_manquant');
    // a scan whose works went unread proves nothing missing
    const scanned = judgeScan(true);
    expect(scanned.errors).toEqual([]);
    expect(scanned.toVerify.map((t) => t.code)).toEqual([
      'geste_renovation_energetique_absent',
      'siret_manquant',
    ]);
  });

  it('reads works names with typographic apostrophes too', () => {
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: { ...completeQuote(), gestes: [] },
      today: TODAY,
      evidence: doc('Fourniture d’une porte d’entrée isolante en aluminium'),
    });
    expect(result.errors).not.toContain('geste_renovation_energetique_absent');
    expect(result.toVerify.map((t) => t.code)).toEqual(['geste_renovation_energetique_absent']);
  });

  it('leaves a document that is not a quote to file_type_error alone', () => {
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: { type_fichier: 'autre' },
      today: TODAY,
    });
    expect(result.errors).toEqual(['file_type_error']);
  });
});
