/** Exit codes and usage errors shared by the commands (DESIGN.md §10). */
import { parisToday } from '../domain/dates.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** Bad usage or a missing file: the command prints the message and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An unknown id: the message says it all, in one line, without the usage text (exit 2). */
export class NotFoundError extends UsageError {
  override name = 'NotFoundError';
}

export const USAGE = `Utilisation : mdso <commande> [options]

Commandes :
  check [--json] [--today AAAA-MM-JJ] FICHIER…   Vérifie des devis (PDF, scans et photos JPEG/PNG, texte), sans base ni réseau
  validate [--json] [--today AAAA-MM-JJ]          Vérifie des attributs de devis lus en JSON sur l'entrée standard
  migrate                                         Applique les migrations de la base (DATABASE_URL ou PostgreSQL embarqué)
  submit [--case ID] [--profile P] [--json] [--no-wait] FICHIER…
                                                  Enregistre des devis (un dossier s'il y en a plusieurs) et les analyse
  ingest [--no-wait] FICHIER.eml…                 Reçoit des e-mails (.eml) comme par SMTP : dossiers, devis et réponses, puis analyse
  brevo:setup-webhook                             Enregistre (ou met à jour) le webhook de réception des e-mails chez Brevo
  show [--json] ID                                Affiche un devis ou un dossier enregistré
  recheck [--no-wait] ID                          Relance l'analyse d'un devis (ou de tous les devis d'un dossier)
  serve [--api-only | --workers-only]             Lance le service : HTTP (/health) et traitements planifiés (= npm start)
  export-metabase                                 Copie maintenant les données anonymisées vers la base d'analyse (Metabase)

Options :
  --json     Une ligne JSON par résultat (sinon un résumé lisible)
  --today    Date de référence des contrôles (par défaut : aujourd'hui)
  --help     Affiche cette aide
`;

export function checkTodayOption(value: string | undefined): string {
  if (value === undefined) return parisToday();
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--today attend une date AAAA-MM-JJ, reçu « ${value} ».`);
  }
  return value;
}

/** JSON without null or undefined keys, as the API writes it. */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v));
}
