/**
 * Deterministic reader of the administrative data of a quote (no LLM, no network): document
 * type, references and dates, totals and VAT, the contractor and the customer, and the
 * private-data lists used for anonymisation.
 */
import type { QuoteAttributes } from '../../domain/attributes.js';
import type { QuoteDocument } from '../document.js';
import { clientAttributes, findClientBlock, type ClientBlock } from './client.js';
import { proAttributes, readCompany, type CompanyReading } from './company.js';
import { createAdminContext, type AdminContext } from './context.js';
import { detectFileType, devisAsWritten, hasDevisMention } from './document-type.js';
import { blockAddress } from './party-block.js';
import { buildPrivateData } from './private-data.js';
import { readProBlock, type ProBlock } from './pro.js';
import { readQuoteFields } from './quote-fields.js';
import { findSignatories } from './signatories.js';
import { findSiteBlock, type SiteBlock } from './site.js';

function isEmpty(value: object): boolean {
  return Object.keys(value).length === 0;
}

interface Parties {
  client?: ClientBlock;
  site?: SiteBlock;
  pro: ProBlock;
  company: CompanyReading;
}

function readParties(ctx: AdminContext): Parties {
  const client = findClientBlock(ctx);
  const site = findSiteBlock(ctx);
  const pro = readProBlock(ctx, [...(client?.cells ?? []), ...(site?.cells ?? [])]);
  return { client, site, pro, company: readCompany(ctx) };
}

function partyAttributes(parties: Parties): QuoteAttributes {
  const pro = proAttributes(parties.pro, parties.company);
  const client = clientAttributes(parties.client);
  const siteAddress = parties.site ? blockAddress(parties.site) : undefined;
  if (siteAddress) client.adresse_chantier = siteAddress;
  return {
    ...(pro.forme_juridique ? { pro_forme_juridique: pro.forme_juridique } : {}),
    ...(isEmpty(pro) ? {} : { pro }),
    ...(isEmpty(client) ? {} : { client }),
  };
}

/** Reads the administrative attributes of a document (empty values left out). */
export function extractAdmin(doc: QuoteDocument): QuoteAttributes {
  const ctx = createAdminContext(doc);
  if (!ctx.fullText.trim()) return {};
  const parties = readParties(ctx);
  const signatories = findSignatories(ctx.lines, ctx.tolerance);
  const privateData = buildPrivateData({ text: ctx.fullText, ...parties, signatories });
  const typeFichier = detectFileType(ctx.lines, ctx.bodyText);
  const out: QuoteAttributes = {
    type_fichier: typeFichier,
    mention_devis: hasDevisMention(ctx.fullText),
  };
  const devis = devisAsWritten(ctx.fullText);
  if (devis) out.devis = devis;
  // a letter or a certificate: only what anonymisation needs
  if (typeFichier === 'autre') return { ...out, ...privateData };
  return { ...out, ...readQuoteFields(ctx), ...partyAttributes(parties), ...privateData };
}
