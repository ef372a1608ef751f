/** The company and the customer of a quote, with their identifiers and omitted mentions. */
import type { GesteGroup } from '../../src/domain/geste-types.js';
import * as id from './identity.js';
import type { Client, Company } from './model.js';
import type { Rng } from './prng.js';
import { companyName, insurer, policyNumber } from './vocab/business.js';
import { civility, person, slug } from './vocab/people.js';
import { address, town } from './vocab/places.js';

const TAGLINES: Record<GesteGroup, string> = {
  isolation: 'Isolation thermique – Combles – Murs – Planchers',
  menuiserie: 'Menuiseries extérieures – Fenêtres – Portes – Volets',
  chauffage: 'Chauffage – Pompes à chaleur – Bois énergie',
  eau_chaude: 'Plomberie – Eau chaude sanitaire – Solaire',
  ventilation: 'Ventilation – Qualité de l’air – Aération',
};

const CLIENT_MAIL_DOMAINS = ['courriel-demo.fr', 'boite-essai.fr', 'messagerie-fictive.fr'];

export interface PartiesResult {
  company: Company;
  client: Client;
  defects: string[];
}

export function buildCompany(rng: Rng, group: GesteGroup, defects: string[]): Company {
  const sirenDigits = id.siren(rng);
  const form = rng.pick(['SARL', 'SARL', 'SAS', 'SASU', 'EURL', 'EI']);
  const name = companyName(rng, group);
  const domain = `${slug(name).slice(0, 28)}.fr`;
  const individual = form === 'EI';
  let siret: string | null = id.siret(rng, sirenDigits);
  const defect = rng.next();
  if (defect < 0.1) {
    siret = sirenDigits;
    defects.push('SIREN (9 chiffres) imprimé à la place du SIRET');
  } else if (defect < 0.14) {
    siret = siret.slice(0, 12) + siret.slice(13);
    defects.push('SIRET à 13 chiffres (un chiffre manquant)');
  } else if (defect < 0.17) {
    siret = null;
    defects.push('SIRET absent');
  }
  const hasVat = !rng.chance(0.12);
  if (!hasVat) defects.push('numéro de TVA intracommunautaire absent');
  const hasInsurance = !rng.chance(0.08);
  if (!hasInsurance) defects.push('assurance décennale non mentionnée');
  const hasRge = !rng.chance(0.12);
  if (!hasRge) defects.push('aucune qualification RGE mentionnée');
  if (individual) defects.push('entrepreneur individuel sans capital social');
  const manager = person(rng);
  return {
    raison_sociale: name,
    forme_juridique: form,
    siren: sirenDigits,
    siret,
    numero_tva: hasVat ? id.vatNumber(sirenDigits) : null,
    capital: individual
      ? null
      : rng.pick([1000, 5000, 7500, 8000, 10000, 15000, 20000, 30000, 50000]),
    rcs: individual ? null : sirenDigits,
    rcs_ville: individual ? null : town(rng),
    rne: individual ? sirenDigits : null,
    insurer: hasInsurance ? insurer(rng) : null,
    policy: hasInsurance ? policyNumber(rng) : null,
    address: address(rng, { business: true }),
    rge_labels: hasRge
      ? Array.from({ length: rng.chance(0.2) ? 2 : 1 }, () => id.rgeNumber(rng))
      : [],
    telephone: rng.chance(0.95) ? id.phone(rng, 'landline') : null,
    email: rng.chance(0.85) ? `${rng.pick(['contact', 'bureau', 'accueil'])}@${domain}` : null,
    site_web: rng.chance(0.5) ? `www.${domain}` : null,
    code_ape: rng.chance(0.6) ? id.apeCode(rng) : null,
    tagline: TAGLINES[group],
    signatory: `${manager.prenom} ${manager.nom}, ${rng.pick(manager.gender === 'f' ? ['gérante', 'chargée d’affaires', 'conductrice de travaux'] : ['gérant', 'chargé d’affaires', 'conducteur de travaux'])}`,
  };
}

export function buildClient(rng: Rng, defects: string[]): Client {
  const who = person(rng);
  const noFirstName = rng.chance(0.12);
  if (noFirstName) defects.push('prénom du client absent');
  const noCivility = !noFirstName && rng.chance(0.06);
  if (noCivility) defects.push('civilité du client absente');
  return {
    civilite: noCivility ? null : civility(rng, who.gender),
    prenom: noFirstName ? null : who.prenom,
    nom: who.nom,
    address: address(rng),
    telephone: rng.chance(0.7) ? id.phone(rng, 'mobile') : null,
    email: rng.chance(0.4)
      ? `${slug(who.prenom, '.')}.${slug(who.nom, '.')}@${rng.pick(CLIENT_MAIL_DOMAINS)}`
      : null,
  };
}
