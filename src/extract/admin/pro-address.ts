/**
 * The company's address: from its block in the header (street lines above a postcode line, in
 * the same column) or from a footer line about the company (legal mentions, head office,
 * contact details).
 */
import type { DocumentCell } from '../document.js';
import {
  formatAddress,
  isLocalityLine,
  isStreetLike,
  matchPostcode,
  printedSpan,
  streetTail,
} from './address.js';
import type { AdminContext } from './context.js';
import { findEmails, findPhones } from './contacts.js';
import { cellsAbove, type PlacedCell } from './layout.js';
import { foldName, isLegalLine } from './legal-form.js';

export interface FoundAddress {
  value: string;
  lines: string[];
}

/** The address whose postcode line is `placed`, with the street lines printed above it. */
export function addressAt(
  ctx: AdminContext,
  placed: PlacedCell,
  companyName?: string,
): FoundAddress | undefined {
  const pc = matchPostcode(placed.cell.text);
  if (!pc) return undefined;
  const tail = pc.before ? streetTail(pc.before) : '';
  const parts = tail ? [tail] : [];
  const lines = [printedSpan(placed.cell.text, tail, pc)];
  const name = companyName ? foldName(companyName) : undefined;
  for (const above of cellsAbove(ctx.body, placed, ctx.tolerance, 3)) {
    const text = above.cell.text;
    if (isLegalLine(text) || foldName(text) === name) break;
    if (!(isStreetLike(text) || (parts.length > 0 && isLocalityLine(text)))) break;
    parts.unshift(text);
    lines.unshift(text);
  }
  if (parts.length === 0) return undefined;
  return { value: formatAddress(parts, pc.postcode, pc.city), lines };
}

/** A footer line about the company: legal mentions, head office, or its contact details. */
function isCompanyFooter(text: string, companyName?: string): boolean {
  if (isLegalLine(text) || /si[èe]ge/iu.test(text)) return true;
  if (companyName && foldName(text).includes(foldName(companyName))) return true;
  return findPhones(text).length > 0 || findEmails(text).length > 0;
}

/** The first address printed on a footer line about the company. */
export function footerAddress(
  cells: DocumentCell[],
  companyName?: string,
): FoundAddress | undefined {
  for (const cell of cells) {
    const text = cell.text;
    if (!isCompanyFooter(text, companyName)) continue;
    const pc = matchPostcode(text);
    const street = pc ? streetTail(pc.before) : '';
    if (!pc || !street || !isStreetLike(street)) continue;
    return {
      value: formatAddress([street], pc.postcode, pc.city),
      lines: [printedSpan(text, street, pc)],
    };
  }
  return undefined;
}
