/** Priced lines of a quote: the gestes' supply and labour lines, plus accessories and removals. */
import type { GesteType } from '../../src/domain/geste-types.js';
import type { TruthGeste } from '../../src/eval/truth.js';
import { cents } from './formats.js';
import type { GesteDraft } from './gestes/index.js';
import type { QuoteLine } from './model.js';
import type { Rng } from './prng.js';

const EXTRAS: {
  designation: string;
  unite: string;
  price: [number, number];
  nature: QuoteLine['nature'];
}[] = [
  {
    designation: "Protection du chantier et nettoyage en fin d'intervention",
    unite: 'forf.',
    price: [80, 250],
    nature: 'autre',
  },
  {
    designation: 'Évacuation et traitement des déchets de chantier',
    unite: 'forf.',
    price: [90, 320],
    nature: 'autre',
  },
  {
    designation: "Dépose et évacuation de l'équipement existant",
    unite: 'forf.',
    price: [150, 650],
    nature: 'autre',
  },
  {
    designation: 'Raccordement électrique depuis le tableau (protection dédiée)',
    unite: 'forf.',
    price: [180, 420],
    nature: 'autre',
  },
  {
    designation: 'Accessoires de pose et petites fournitures',
    unite: 'ens.',
    price: [60, 240],
    nature: 'fourniture',
  },
  {
    designation: "Location et montage d'échafaudage",
    unite: 'forf.',
    price: [400, 1200],
    nature: 'autre',
  },
];

export type NumberingStyle = 'plain' | 'dotted' | 'padded' | 'lettered';

export interface LinePlan {
  drafts: GesteDraft[];
  separation: boolean;
  /** Rate of the lines that are not gestes (10 % sometimes, when several rates may be printed). */
  extraRate: number;
  /** Force every line to this rate (layouts printing a single rate). */
  singleRate: number | null;
  numbering: NumberingStyle | null;
}

function line(
  partial: Omit<QuoteLine, 'numero' | 'prix_ht' | 'prix_unitaire_ttc' | 'prix_ttc'>,
): QuoteLine {
  const prix_ht = cents(partial.quantite * partial.prix_unitaire_ht);
  const prix_unitaire_ttc = cents(partial.prix_unitaire_ht * (1 + partial.taux_tva / 100));
  return {
    ...partial,
    numero: null,
    prix_ht,
    prix_unitaire_ttc,
    prix_ttc: cents(partial.quantite * prix_unitaire_ttc),
  };
}

/** Builds the lines; `gesteLines[i]` is the index of the line that carries draft i. */
export function buildLines(rng: Rng, plan: LinePlan): { lines: QuoteLine[]; gesteLines: number[] } {
  const lines: QuoteLine[] = [];
  const gesteLines: number[] = [];
  const rate = (r: number): number => plan.singleRate ?? r;
  for (const draft of plan.drafts) {
    gesteLines.push(lines.length);
    const common = {
      section: draft.section,
      quantite: draft.quantite,
      unite: draft.unite,
      taux_tva: rate(draft.tva),
    };
    if (plan.separation) {
      lines.push(
        line({
          ...common,
          designation: draft.label,
          details: draft.details,
          nature: 'fourniture',
          prix_unitaire_ht: draft.supplyUnitPrice,
          geste_type: draft.type,
        }),
      );
      lines.push(
        line({
          ...common,
          designation: draft.labourLabel,
          details: [],
          nature: 'pose',
          prix_unitaire_ht: draft.labourUnitPrice,
          geste_type: null,
        }),
      );
    } else {
      const unitPrice = cents(draft.supplyUnitPrice + draft.labourUnitPrice);
      lines.push(
        line({
          ...common,
          designation: draft.combinedLabel,
          details: draft.details,
          nature: 'fourniture_pose',
          prix_unitaire_ht: unitPrice,
          geste_type: draft.type,
        }),
      );
    }
  }
  for (const extra of rng.sample(EXTRAS, rng.int(0, 3))) {
    const price = cents(extra.price[0] + rng.next() * (extra.price[1] - extra.price[0]));
    const section = plan.drafts[plan.drafts.length - 1]?.section ?? null;
    lines.push(
      line({
        designation: extra.designation,
        details: [],
        section,
        nature: extra.nature,
        quantite: 1,
        unite: extra.unite,
        prix_unitaire_ht: price,
        taux_tva: rate(extra.nature === 'autre' ? plan.extraRate : 5.5),
        geste_type: null,
      }),
    );
  }
  number(lines, plan.numbering);
  return { lines, gesteLines };
}

function number(lines: QuoteLine[], style: NumberingStyle | null): void {
  if (style === null) return;
  const sections: string[] = [];
  const perSection = new Map<string, number>();
  lines.forEach((l, i) => {
    const key = l.section ?? '';
    if (!sections.includes(key)) sections.push(key);
    const n = (perSection.get(key) ?? 0) + 1;
    perSection.set(key, n);
    const s = sections.indexOf(key) + 1;
    if (style === 'plain') l.numero = String(i + 1);
    else if (style === 'padded') l.numero = String(i + 1).padStart(2, '0');
    else if (style === 'dotted') l.numero = `${s}.${n}`;
    else l.numero = `${String.fromCharCode(64 + s)}${n}`;
  });
}

/** The truth geste: common fields of its line, then its technical attributes. */
export function gesteTruth(draft: GesteDraft, l: QuoteLine, ttcOnly: boolean): TruthGeste {
  const prices: Record<string, number | null> = ttcOnly
    ? {
        prix_unitaire_ht: null,
        prix_ht: null,
        taux_tva: l.taux_tva,
        prix_unitaire_ttc: l.prix_unitaire_ttc,
        prix_ttc: l.prix_ttc,
      }
    : { prix_unitaire_ht: l.prix_unitaire_ht, prix_ht: l.prix_ht, taux_tva: l.taux_tva };
  return {
    type: draft.type as GesteType,
    intitule: l.designation,
    numero_ligne: l.numero,
    quantite: l.quantite,
    unite: l.unite,
    ...prices,
    ...draft.attrs,
  };
}
