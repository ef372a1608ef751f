/**
 * The contractor's attributes (`pro`): the company block plus the registration details, RGE
 * numbers and insurance, with what was printed kept for anonymisation.
 */
import type { ProAttributes } from '../../domain/attributes.js';
import type { AdminContext } from './context.js';
import { findInsurance, type Insurance } from './insurance.js';
import type { ProBlock } from './pro.js';
import {
  findApe,
  findCapital,
  findRcsMentions,
  findRne,
  findSiret,
  findVatNumbers,
  pickVatNumber,
  type Printed,
  type RcsMention,
} from './registration.js';
import { findRgeNumbers } from './rge.js';

export interface CompanyReading {
  siret?: Printed;
  rcs?: RcsMention;
  rne?: Printed;
  vat?: Printed;
  capital?: Printed<number>;
  ape?: string;
  rge: Printed[];
  insurance?: Insurance;
}

function inBodyThenAll<T>(ctx: AdminContext, read: (text: string) => T | undefined): T | undefined {
  return read(ctx.bodyText) ?? read(ctx.fullText);
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Reads the registration details, RGE numbers and insurance. */
export function readCompany(ctx: AdminContext): CompanyReading {
  const siret = inBodyThenAll(ctx, findSiret);
  const siren = siret?.value.slice(0, 9);
  const mentions = inBodyThenAll(ctx, (t) => nonEmpty(findRcsMentions(t))) ?? [];
  const rcs = mentions.find((m) => m.rcs && m.rcs.value === siren) ?? mentions[0];
  const vatSiren = siren ?? rcs?.rcs?.value;
  const vat = inBodyThenAll(ctx, (t) => pickVatNumber(findVatNumbers(t), vatSiren));
  const sirenPrinted =
    siret && siret.value.length >= 9 ? { value: siren ?? '', raw: siret.raw } : undefined;
  return {
    siret,
    rcs,
    rne: inBodyThenAll(ctx, (t) => findRne(t, sirenPrinted)),
    vat,
    capital: inBodyThenAll(ctx, findCapital),
    ape: inBodyThenAll(ctx, findApe),
    rge: inBodyThenAll(ctx, (t) => nonEmpty(findRgeNumbers(t))) ?? [],
    insurance: findInsurance(ctx.body) ?? findInsurance(ctx.lines),
  };
}

type Entries = [keyof ProAttributes, ProAttributes[keyof ProAttributes]][];

/** The `pro` attributes, empty values left out. */
export function proAttributes(block: ProBlock, company: CompanyReading): ProAttributes {
  const entries: Entries = [
    ['raison_sociale', block.raisonSociale],
    ['forme_juridique', block.formeJuridique],
    ['siret', company.siret?.value],
    ['numero_tva', company.vat?.value],
    ['capital', company.capital?.value],
    ['rcs', company.rcs?.rcs?.value],
    ['rcs_ville', company.rcs?.ville?.value],
    ['rne', company.rne?.value],
    ['assurance', company.insurance?.value],
    ['adresse', block.adresse],
    ['rge_labels', company.rge.map((r) => r.value)],
    ['telephone', block.phones[0]?.value],
    ['email', block.emails[0]?.value],
    ['site_web', block.urls[0]?.value],
    ['code_ape', company.ape],
  ];
  const pro: ProAttributes = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    Object.assign(pro, { [key]: value });
  }
  return pro;
}
