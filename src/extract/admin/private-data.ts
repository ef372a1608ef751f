/**
 * The private-data lists (spec/pipeline.md §9) used to anonymise the text: every personal or
 * company-identifying datum found, as printed, so that a literal search finds it.
 */
import type { PrivateDataLists } from '../../domain/attributes.js';
import type { ClientBlock } from './client.js';
import type { CompanyReading } from './company.js';
import { findEmails, findIbans, findPhones, findUrls } from './contacts.js';
import { findLegalForms } from './legal-form.js';
import type { ProBlock } from './pro.js';
import { findSirens, findSirets, findVatNumbers } from './registration.js';
import type { SiteBlock } from './site.js';

export interface PrivateDataSources {
  text: string;
  client?: ClientBlock;
  site?: SiteBlock;
  pro: ProBlock;
  company: CompanyReading;
  signatories: string[];
}

function unique(values: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw?.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(value);
  }
  return out;
}

function personLists(src: PrivateDataSources): PrivateDataLists {
  const name = src.client?.name;
  const clientAddress = [...(src.client?.addressLines ?? []), ...(src.site?.addressLines ?? [])];
  return {
    noms: unique([name?.fullRaw, ...src.signatories]),
    client_noms_de_famille: unique([name?.nomRaw]),
    client_prenoms: unique([name?.prenomRaw]),
    client_civilite: unique([name?.civilite]),
    client_adresses: unique(clientAddress),
    pro_adresses: unique(src.pro.addressLines),
    adresses: unique([...src.pro.addressLines, ...clientAddress]),
  };
}

function companyLists(src: PrivateDataSources): PrivateDataLists {
  const { company, text } = src;
  const legalText = text
    .split('\n')
    .filter((l) => /capital|SIRE[NT]|RCS|immatricul/iu.test(l))
    .join('\n');
  return {
    raison_sociales: unique(src.pro.nameRaws),
    sirets: unique([...findSirets(text), ...findSirens(text)].map((p) => p.raw)),
    numero_rcss: unique([company.rcs?.rcs?.raw]),
    ville_immatriculation_rcss: unique([company.rcs?.ville?.raw]),
    rnes: unique([company.rne?.raw]),
    assurances: unique([company.insurance?.policy]),
    numero_rge: unique(company.rge.map((r) => r.raw)),
    numeros_tva: unique(findVatNumbers(text).map((v) => v.raw)),
    forme_juridiques: unique(findLegalForms(legalText).map((f) => f.raw)),
    capital_social: unique([company.capital?.raw]),
  };
}

function contactLists(text: string): PrivateDataLists {
  return {
    telephones: unique(findPhones(text).map((p) => p.raw)),
    emails: unique(findEmails(text).map((e) => e.raw)),
    ibans: unique(findIbans(text).map((i) => i.raw)),
    uris: unique(findUrls(text).map((u) => u.raw)),
  };
}

/** Every list with at least one value. */
export function buildPrivateData(src: PrivateDataSources): PrivateDataLists {
  const all: PrivateDataLists = {
    ...personLists(src),
    ...companyLists(src),
    ...contactLists(src.text),
  };
  const out: PrivateDataLists = {};
  for (const [key, list] of Object.entries(all) as [
    keyof PrivateDataLists,
    string[] | undefined,
  ][]) {
    if (list && list.length > 0) out[key] = list;
  }
  return out;
}
