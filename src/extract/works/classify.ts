/**
 * Which renovation work a priced line is: its geste type from its label, completed by its
 * section title and description when the label names only a family ("Fourniture isolant PSE"
 * under "Isolation thermique par l'extérieur"). Accessories, removal and site work are no geste.
 */
import type { GesteType } from '../../domain/geste-types.js';
import { fold } from './text.js';

const STRONG: [GesteType, RegExp][] = [
  [
    'systeme_solaire_combine',
    /systeme solaire combine|\bssc\b|solaire combine|chauffage solaire|combine solaire/u,
  ],
  [
    'chauffe_eau_solaire_individuel',
    /chauffe[- ]?eau solaire|\bcesi\b|ballon (?:d'eau chaude )?solaire|eau chaude (?:sanitaire )?solaire/u,
  ],
  [
    'chauffe_eau_thermo',
    /chauffe[- ]?eau thermodynamique|(?:ballon|cumulus|chauffe[- ]?eau)[^.;\n]{0,25}thermodynamique|\bcet\b|thermodynamique[^.;\n]{0,20}(?:eau chaude|ecs)|pompe a chaleur (?:pour (?:la production d')?|d')?(?:eau chaude|ecs)/u,
  ],
  [
    'pac_hybride',
    /(?:pompe a chaleur|\bpac\b)[^.;\n]{0,40}hybride|hybride[^.;\n]{0,25}(?:pompe a chaleur|\bpac\b)|systeme hybride|chaudiere hybride/u,
  ],
  ['pac_air_air', /\bair\s*[/-]\s*air\b|\bair-air\b/u],
  ['pac_air_eau', /\bair\s*[/-]\s*eau\b/u],
  ['pac_eau_eau', /\beau\s*[/-]\s*eau\b|\bsol\s*[/-]\s*eau\b|eau glycolee\s*[/-]\s*eau|geotherm/u],
  [
    'chaudiere_biomasse',
    /chaudiere[^.;\n]{0,40}(?:granule|bois|buche|biomasse|plaquette|pellet|copeaux)|chaudiere biomasse/u,
  ],
  ['poele_insert', /\bpoeles?\b|\binserts?\b|foyer ferme|cuisiniere (?:a|au) (?:bois|granule)/u],
  ['vmc_double_flux', /double[- ]flux/u],
  ['vmc_simple_flux', /simple[- ]flux|\bvmc\b|hygro ?reglable|ventilation mecanique/u],
  [
    'menuiserie_fenetre_toit',
    /fenetres? de (?:toit|toiture)|chassis de toit|fenetres? (?:de|pour) combles?|tabatiere|fenetres?[^.;\n]{0,12}a (?:rotation|projection)\b/u,
  ],
  ['menuiserie_volet_isolant', /\bvolets?\b/u],
  [
    // the aids fund entrance doors only: an interior, sliding or cupboard door is no geste
    'menuiserie_porte',
    /\bportes?\s+(?:d'entree|d'acces|exterieures?|de\s+service|donnant\s+sur\s+l'exterieur)\b|\bbloc[- ]portes?\s+(?:d'entree|exterieur)/u,
  ],
  // « appuis de fenêtres », « tablettes de fenêtre »: the window's surround, not a window
  [
    'menuiserie_fenetre',
    /(?<!(?:appuis?|tablettes?|bavettes?|encadrements?|habillages?|retours?|linteaux?|rejingots?|precadres?|cornieres?|profiles?)\s(?:de|des|d'|pour)\s?(?:la\s|les\s)?)fenetre|baie vitree|baie coulissante|\bchassis\b|oscillo[- ]?battant/u,
  ],
];

const WEAK: [GesteType, RegExp][] = [
  ['pac_air_air', /climatis|(?:multi|mono|bi|tri|quadri)[- ]?split|unite murale/u],
  ['pac_air_eau', /pompe a chaleur|\bpac\b|aerotherm/u],
];

// « en combles » / « dans les combles » says where something goes, not that combles are insulated
const INSULATION_HINT_RE =
  /isol|laine|ouate|polystyr|\bpse\b|\bxps\b|\beps\b|polyurethane|\bpur\b|\bpir\b|fibre de bois|liege|chanvre|souffl|flocon|mousse projetee|cellulose|(?<!\ben |\bdans (?:les |le )?)\bcomble/u;

const INSULATION: [GesteType, RegExp][] = [
  [
    'isolation_toiture_terrasse',
    /toitures?[- ]terrasses?|toits?[- ]terrasses?|toiture plate|\bterrasse/u,
  ],
  [
    'isolation_rampants_toiture',
    /rampants?|sous[- ]toiture|toiture en pente|entre (?:les )?chevrons|sous chevrons|sur chevrons|sarking|combles? amenage|plafond de combles|sous[- ]pente|pentes? de (?:toit|toiture)|toiture par l'interieur/u,
  ],
  [
    'isolation_comble_perdu',
    /combles? perdus?|planchers? (?:des|de|du) combles?|combles? non amenage|grenier|a souffler|soufflage|souffle|flocons?/u,
  ],
  [
    'isolation_plancher_bas',
    /planchers? bas|sous[- ]sol|vide[- ]sanitaire|sous[- ]face|plafond (?:du|de la|des) (?:garage|cave|parking|local)|\bcaves?\b|terre[- ]plein|local non chauffe|sous chape|\bplanchers?\b|\bdalles? (?:basse|sur)/u,
  ],
  ['isolation_comble_perdu', /\bcombles?\b/u],
  [
    'isolation_thermique_par_exterieur_ITE',
    /par l'?exterieur|\bite\b|facades?|bardage|veture|vetage|\betics\b|isolation exterieure/u,
  ],
  [
    'isolation_thermique_par_interieur_ITI',
    /par l'?interieur|\biti\b|doublage|contre[- ]cloison|\bmurs?\b|cloisons?/u,
  ],
];

function firstMatch(rules: [GesteType, RegExp][], text: string): GesteType | undefined {
  return rules.find(([, re]) => re.test(text))?.[0];
}

/** The geste type a text names outright (not insulation, which needs its family first). */
export function strongType(text: string): GesteType | undefined {
  return firstMatch(STRONG, fold(text));
}

/** Insulation type from the texts given in order of trust, when the label is about insulation. */
function insulationType(label: string, texts: readonly string[]): GesteType | undefined {
  if (!INSULATION_HINT_RE.test(label)) return undefined;
  for (const text of [label, ...texts]) {
    const found = firstMatch(INSULATION, text);
    if (found) return found;
  }
  return undefined;
}

export interface ClassifyInput {
  label: string;
  section?: string;
  details: readonly string[];
  notes: readonly string[];
  /** The insulation the quote's subject names (`subjectInsulation`), for an insulation line
   * that does not say which it is (« Fourniture isolant PSE graphité ép. 140 mm »). */
  subjectInsulation?: GesteType;
}

/**
 * The one insulation type a quote's subject (« Objet : Isolation thermique par l'extérieur des
 * façades ») names, or undefined when it names none or several.
 */
export function subjectInsulation(text: string): GesteType | undefined {
  const folded = fold(text);
  if (!INSULATION_HINT_RE.test(folded)) return undefined;
  const found = new Set(INSULATION.filter(([, re]) => re.test(folded)).map(([type]) => type));
  return found.size === 1 ? [...found][0] : undefined;
}

/** Geste type of a line, or undefined when it is not a renovation work. */
export function classifyLine(input: ClassifyInput): GesteType | undefined {
  if (isAccessory(input.label)) return undefined;
  const label = fold(input.label);
  const section = fold(input.section ?? '');
  const details = fold(input.details.join('\n'));
  const notes = fold(input.notes.join('\n'));
  const direct = firstMatch(STRONG, label);
  if (direct === 'vmc_simple_flux') return refineVentilation(label, details);
  if (direct) return refineHeatPump(direct, [section, details, notes]);
  const insulation = insulationType(label, [section, details, notes]);
  if (insulation) return insulation;
  if (INSULATION_HINT_RE.test(label)) {
    return insulationType(section, [details, notes]) ?? input.subjectInsulation;
  }
  const weak = firstMatch(WEAK, label);
  if (weak) return refineHeatPump(weak, [section, details, notes]);
  return undefined;
}

const SINGLE_FLOW_RE = /simple[- ]flux|hygro ?reglable/u;
const DOUBLE_FLOW_HINT_RE =
  /bouches?\s+(?:de\s+soufflage|d'insufflation)|\bechangeur\b|recuperateur\s+de\s+chaleur/u;

/** A ventilation named without its kind is double flow when its description says so. */
function refineVentilation(label: string, details: string): GesteType {
  if (SINGLE_FLOW_RE.test(label)) return 'vmc_simple_flux';
  if (/double[- ]flux/u.test(details)) return 'vmc_double_flux';
  if (SINGLE_FLOW_RE.test(details)) return 'vmc_simple_flux';
  return DOUBLE_FLOW_HINT_RE.test(details) ? 'vmc_double_flux' : 'vmc_simple_flux';
}

/** A heat pump named without its kind takes the kind its section or description gives. */
function refineHeatPump(type: GesteType, texts: readonly string[]): GesteType {
  if (type !== 'pac_air_eau' || texts.length === 0) return type;
  for (const text of texts) {
    const found = firstMatch(STRONG, text);
    if (found?.startsWith('pac_')) return found;
  }
  return type;
}

const LEAD_RE =
  /^(?:(?:fourniture|fourni(?:e|s|es)?|f\s*[+&]\s*p|pose|installation|mise en place|remplacement|depose et remplacement|realisation|creation)(?:\s*(?:,|et|&|\+)\s*(?:pose|installation|mise en service|raccordement|pose))*\s*(?::|-|–)?\s*)?(?:(?:de la|de l'|du|des|d'une?|de|d'|la|le|les|l'|une?)\s*)*/u;

const ACCESSORY_RE =
  /^(?:\d+\s*)?(?:kits?\b(?!\s+(?:vmc|pompe|pac|solaire|chauffe|ventilation|double|simple))|ballons?\s+(?:tampon|de\s+stockage|d'eau\s+chaude|ecs|electrique|de\s+decouplage)|vases?|thermostats?|sondes?|gaines?|reseaux?|conduits?|tubages?|raccords?|collerettes?|habillages?|plaques?\s+(?:de\s+platre|de\s+protection|de\s+sol|de\s+finition|ba)|goulottes?|supports?|ossatures?|membranes?|pare[- ]vapeur|frein[- ]vapeur|calorifug|silos?|tremies?|vis\b|evacuation|depose|demontage|main[- ]d'|mise\s+en\s+(?:service|securite|oeuvre|œuvre)|echafaudages?|retours?|protections?|coffrages?|rehausses?|trappes?|deflecteurs?|piges?|grilles?|percements?|carottages?|liaisons?|cables?|cablage|disjoncteurs?|tableaux?|raccordements?|options?|forfaits?|frais|deplacements?|garanties?|contrats?|traitements?|nettoyages?|seuils?|moustiquaires?|stores?|appuis?|bavettes?|tablettes?|motorisations?|telecommandes?|unites?\s+interieures?|modules?\s+hydrauliques?|desembouage|neutralisation|degazage|vidanges?|preparations?|reprises?|creations?|modifications?|accessoires?|consommables?|petites?\s+fournitures?|joints?|visserie|fixations?|chevilles?|bouches?|entrees?\s+d'air|etudes?|diagnostics?|notes?\s+de\s+calcul|pompes?\s+de\s+relevage|circulateurs?|groupes?\s+de\s+securite|reducteurs?|clapets?|vannes?|filtres?|pots?\s+a\s+boues?|adoucisseurs?|regulat|programmateurs?|ventouses?|terminal|terminaux|chapeaux?|sorties?\s+de\s+toit|flexibles?|installation\s+de\s+chantier|mise\s+a\s+la\s+terre|socles?|plots?|forages?|terrassements?|tranchees?|ferrures?|pentures?|arrets?\s+de\s+volets?|equilibrage|reglages?|formation|remise\s+en\s+etat|rebouchage|peinture|calfeutrement|isolation\s+des\s+(?:canalisations|tuyaux|reseaux|conduits))/u;

/** A lot or section title carrying its subtotal ("Lot 03 – Plâtrerie", "Sous-total lot 2"). */
const SECTION_ROW_RE = /^(?:lot|poste|chapitre|partie|sous[- ]?total|total)\b/u;

/** The label names an accessory, a removal or site work rather than the renovation work itself. */
export function isAccessory(label: string): boolean {
  const folded = fold(label).trim();
  if (SECTION_ROW_RE.test(folded)) return true;
  const subject = folded.replace(LEAD_RE, '');
  // an article code glued to the label (« TAB Retours d'isolant… ») is not its first word
  const uncoded = label.trim().replace(ARTICLE_CODE_PREFIX_RE, '');
  const uncodedSubject = uncoded === label.trim() ? '' : fold(uncoded).replace(LEAD_RE, '');
  return (
    ACCESSORY_RE.test(subject) || ACCESSORY_RE.test(folded) || ACCESSORY_RE.test(uncodedSubject)
  );
}

const ARTICLE_CODE_PREFIX_RE = /^[A-Z0-9][A-Z0-9./-]{1,9}\s+(?=\p{Lu}\p{Ll})/u;
