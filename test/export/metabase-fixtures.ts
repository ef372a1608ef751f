/**
 * A source database full of what must never reach the analytics database (issue 11): names,
 * e-mail addresses, phone numbers, street addresses, a private person's SIRET, free comments
 * and deletion reasons, partner references, user agents and referers, company contacts in
 * registry answers, file names and mail subjects — in every table the export reads, in the
 * columns it keeps as well as those it drops. `NEEDLES` lists the strings a scan looks for.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { seedLogs, seedMails } from './metabase-fixture-logs.js';

/** Strings of the fixtures that no exported value may contain (compared without case). */
export const NEEDLES = [
  'Jeanne',
  'Martin',
  'Dupont',
  'Lefèvre',
  'Lefevre',
  'Kévin',
  'Durand',
  'rue des Lilas',
  'Victor Hugo',
  'REF-MARTIN',
  'Dossier',
  'Mozilla',
  'partenaire.example',
  'lefevre-renovation',
  'dupont-chauffage',
  '12345678900012',
  '123 456 789 00012',
  'E-E123456',
  'signé ailleurs',
  'Très utile',
  'rappelle',
  'clé bizarre',
  'photo-maison',
  'devis-jeanne',
  'Projet de Mme',
  'Atlantic',
  'mailbox',
];

export interface SourceIds {
  case1: string;
  check1: string;
  check2: string;
  check3: string;
}

const json = (value: unknown): string => JSON.stringify(value);

export const PRIVATE_TEXT =
  'Devis pour Mme Jeanne Martin, 12 rue des Lilas 75011 Paris, tél. 06 12 34 56 78, jeanne.martin@orange.fr, SIRET 123 456 789 00012';

async function seedChecks(db: Knex, ids: SourceIds): Promise<void> {
  await db('quotes_cases').insert([
    {
      id: ids.case1,
      profile: 'conseiller',
      renovation_type: 'ampleur',
      reference: 'Dossier Martin 2026-001',
      email: 'conseillere.durand@france-renov.gouv.fr',
      email_domain: 'france-renov.gouv.fr',
      email_to: 'devis@mail.mdso.local',
      email_subject: 'Projet de Mme Jeanne Martin, 12 rue des Lilas',
      metadata: json({ nom: 'Jeanne Martin' }),
      validation_errors: json(['client_nom_incoherent']),
      validation_to_verify: json([{ code: 'visite_technique_manquant', label: 'Jeanne Martin' }]),
      validation_error_edits: json({ x: { comment: 'Très utile, Jeanne Martin' } }),
    },
    {
      profile: 'email',
      email: 'contact@lefevre-renovation.fr',
      email_domain: 'lefevre-renovation.fr',
    },
  ]);
  const details = (id: string) => [
    { id: `${id}-1`, code: 'rge_manquant', category: 'admin', type: 'missing', title: 'RGE' },
    {
      id: `${id}-2`,
      code: 'client_nom_manquant',
      category: 'admin',
      type: 'missing',
      title: 'Nom',
      provided_value: 'Kévin Lefèvre',
    },
  ];
  await db('quote_checks').insert([
    {
      id: ids.check1,
      case_id: ids.case1,
      profile: 'conseiller',
      email: 'jeanne.martin@orange.fr',
      email_domain: 'orange.fr',
      email_to: 'devis@mail.mdso.local',
      email_subject: 'Devis pompe à chaleur Jeanne Martin',
      reference: 'REF-MARTIN-42',
      metadata: json({ nom: 'Jeanne Martin' }),
      text: PRIVATE_TEXT,
      file_text: PRIVATE_TEXT,
      anonymised_text: PRIVATE_TEXT,
      reading: json({ kind: 'text_layer', pageCount: 2 }),
      read_attributes: json({
        client: { nom: 'Martin', prenom: 'Jeanne', adresse: '12 rue des Lilas' },
        gestes: [{ type: 'pac_air_eau', intitule: 'PAC Atlantic' }, { type: 'Jean Dupont' }],
      }),
      validation_errors: json(['rge_manquant', 'client_nom_manquant']),
      validation_error_details: json(details(ids.check1)),
      validation_control_codes: json(['rge_manquant', 'client_nom_manquant', 'devis_manquant']),
      validation_controls_count: 3,
      validation_version: '0.0.1',
      validation_to_verify: json([
        { code: 'visite_technique_manquant', label: 'la date de la visite préalable', page: 1 },
      ]),
      comment: 'Le client Kévin Lefèvre rappelle au 01.23.45.67.89',
      commented_at: new Date('2026-12-01T10:06:00Z'),
      validation_error_edits: json({
        [`${ids.check1}-1`]: {
          deleted: true,
          deleted_at: '2026-12-01T10:00:00Z',
          reason: 'Le client a déjà signé ailleurs avec Jean Dupont',
          comment: 'Voir avec Mme Martin au 06 98 76 54 32',
          commented_at: '2026-12-01T10:05:00Z',
        },
        [`${ids.check1}-2`]: { deleted: true, deleted_at: 'Jeanne', reason: 'information_present' },
        'jeanne.martin@orange.fr': { comment: 'clé bizarre' },
      }),
      validation_error_edited_at: new Date('2026-12-01T10:05:00Z'),
      stage: 'final',
      finished_at: new Date('2026-12-01T09:00:00Z'),
    },
    {
      id: ids.check2,
      profile: 'artisan',
      source_name: 'email',
      email: 'kevin.lefevre@lefevre-renovation.fr',
      email_domain: 'lefevre-renovation.fr',
      text: null,
      comment: '',
    },
    {
      id: ids.check3,
      profile: 'particulier',
      source_name: 'Partenaire Jean Dupont',
      reference: 'REF-MARTIN-42',
      validation_error_edits: json({ [`${ids.check3}-1`]: { comment: 'Très utile' } }),
    },
  ]);
  await db('quote_check_feedbacks').insert([
    {
      quote_check_id: ids.check1,
      validation_error_details_id: `${ids.check1}-2`,
      email: 'jeanne.martin@orange.fr',
      comment: 'Très utile, merci ! Jeanne Martin, 12 rue des Lilas',
    },
    { quote_check_id: ids.check1, rating: 5 },
    {
      quote_check_id: ids.check2,
      validation_error_details_id: 'Jean Dupont',
      email: '',
      comment: '',
    },
  ]);
}

/** Seeds every table the export reads; returns the ids of the main rows. */
export async function seedSource(db: Knex): Promise<SourceIds> {
  const ids: SourceIds = {
    case1: randomUUID(),
    check1: randomUUID(),
    check2: randomUUID(),
    check3: randomUUID(),
  };
  await seedChecks(db, ids);
  await seedLogs(db, ids);
  await seedMails(db, ids);
  return ids;
}

/** Rows each exported table must hold: the source's own counts. */
export async function sourceCounts(db: Knex): Promise<Record<string, number>> {
  const count = async (sql: string): Promise<number> =>
    Number(((await db.raw(sql)) as { rows: { n: string }[] }).rows[0]?.n);
  return {
    quote_checks: await count('SELECT count(*) AS n FROM quote_checks'),
    quotes_cases: await count('SELECT count(*) AS n FROM quotes_cases'),
    quote_check_feedbacks: await count('SELECT count(*) AS n FROM quote_check_feedbacks'),
    quote_error_edits: await count(
      'SELECT count(*) AS n FROM quote_checks WHERE validation_error_edits IS NOT NULL',
    ),
    processing_logs: await count('SELECT count(*) AS n FROM processing_logs'),
    inbound_emails: await count('SELECT count(*) AS n FROM inbound_emails'),
    outbound_emails: await count('SELECT count(*) AS n FROM outbound_emails'),
  };
}
