/**
 * The works-site address, when printed apart from the customer's (`Lieu des travaux`,
 * `Adresse du chantier : …`). A mention such as "identique" gives no address.
 */
import { isStreetLike, matchPostcode } from './address.js';
import type { AdminContext } from './context.js';
import { walkColumn, type PlacedCell } from './layout.js';
import { blockAddress, emptyPartyBlock, readBlockLine, type PartyBlock } from './party-block.js';

const SITE_LABEL_RE =
  /^(?:lieu\s+(?:des\s+travaux|d['’]intervention|du\s+chantier|d['’]ex[ée]cution)|adresse\s+(?:du\s+|des\s+|de\s+l['’]|d['’])?(?:chantier|travaux|intervention|installation|r[ée]alisation)|chantier|site\s+des\s+travaux|adresse\s+des?\s+travaux)(?![\p{L}])\s*(?:[:\-–]\s*)?(.*)$/iu;

export interface SiteBlock extends PartyBlock {
  cells: PlacedCell[];
}

function readSite(ctx: AdminContext, placed: PlacedCell, rest: string): SiteBlock {
  const block: SiteBlock = { ...emptyPartyBlock(), cells: [placed] };
  // "identique à l'adresse du client", "voir ci-dessus": no address of its own
  if (rest && !isStreetLike(rest) && !matchPostcode(rest)) return block;
  for (const part of rest.split(/\s*[,;–—]\s+/u).filter((p) => p.trim())) {
    if (!readBlockLine(block, part, false)) return block;
  }
  if (block.postcode) return block;
  const walk = walkColumn({
    lines: ctx.body,
    from: placed.lineIndex,
    anchor: placed.cell,
    tolerance: ctx.tolerance,
  });
  for (const next of walk) {
    if (block.cells.length > 5 || !readBlockLine(block, next.cell.text, false)) break;
    block.cells.push(next);
    if (block.postcode) break;
  }
  return block;
}

/** The works-site block, when one is printed with an address. */
export function findSiteBlock(ctx: AdminContext): SiteBlock | undefined {
  for (let i = 0; i < ctx.body.length; i += 1) {
    for (const cell of ctx.body[i]?.cells ?? []) {
      const m = SITE_LABEL_RE.exec(cell.text.trim());
      if (!m) continue;
      const block = readSite(ctx, { lineIndex: i, cell }, (m[1] ?? '').trim());
      if (blockAddress(block)) return block;
    }
  }
  return undefined;
}
