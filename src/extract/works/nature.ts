/**
 * Nature of a priced line: supply (`fourniture`), installation or labour (`pose`), both in one
 * price (`fourniture_pose`), or anything else (`autre`: removal, site preparation, connection).
 */
import { LABOUR_LINE_START } from '../../domain/mention-signs.js';
import { strongType } from './classify.js';
import { natureHeading } from './line-kinds.js';
import { fold } from './text.js';

export type LineNature = 'fourniture' | 'pose' | 'fourniture_pose' | 'autre';

const SUPPLY_AND_FIT_RE =
  /fournitures?\s*(?:,|et|&|\+)\s*(?:la\s+)?(?:pose|installation|mise\s+en\s+(?:œ|oe)uvre|montage)|fourni(?:e|s|es)?\s*(?:et|&)\s*(?:pos|install)|\bf\s*[+&/]\s*p\b|\bf\.p\.|y\s+compris\s+(?:la\s+)?(?:pose|installation|main[- ]d'(?:œ|oe)uvre)|(?:pose|installation)\s+(?:incluse|comprise)|(?:pose|installation)\s+et\s+fourniture|fourniture\s+posee?/u;

const OTHER_START_RE =
  /^(?:depose|demontage|evacuation|neutralisation|degazage|protection|installation\s+de\s+chantier|echafaudage|percement|carottage|rehausse|traitement|coffrage|raccordement|nettoyage|frais|deplacement|mise\s+en\s+securite|preparation|reperage|remise\s+en\s+etat|reprise|rebouchage|modification|creation|desembouage|vidange|location|etude|diagnostic|controle|essais?|mise\s+a\s+la\s+terre|calfeutrement|peinture|remise|prime|remise\s+commerciale|reduction|geste\s+commercial|option)/u;

/** "… et pose des fenêtres de toit": the installation of the renovation work itself. */
function installsWork(folded: string): boolean {
  if (/\bet\s+(?:pose|installation)\s*$/u.test(folded)) return true;
  const m = /\bet\s+(?:pose|installation)\s+(?:de\s+la|de\s+l'|des|du|de|d')\s*(?<what>.+)$/u.exec(
    folded,
  );
  return m?.groups?.what !== undefined && strongType(m.groups.what) !== undefined;
}

/** Nature of a line from its label and the sub-heading it is listed under. */
export function natureOf(label: string, subsection?: string): LineNature {
  const folded = fold(label)
    .replace(/^[\s\d.)-]+/u, '')
    .trim();
  if (SUPPLY_AND_FIT_RE.test(folded)) return 'fourniture_pose';
  if (/^fournitures?\b/u.test(folded)) return 'fourniture';
  if (LABOUR_LINE_START.test(folded) && !/^installation\s+de\s+chantier/u.test(folded))
    return 'pose';
  if (installsWork(folded)) return 'pose';
  if (OTHER_START_RE.test(folded)) return 'autre';
  const heading = subsection ? natureHeading(subsection) : undefined;
  if (heading) return heading;
  return 'fourniture';
}
