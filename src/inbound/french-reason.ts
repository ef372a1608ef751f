/**
 * The French sentence a reply shows for a part that did not become a QuoteCheck, and for
 * why no reply was sent (back-office display). One place, so the wording stays consistent.
 */
import type { AutoReplyBlock } from './auto-reply-policy.js';
import type { IgnoredReason, NotCheckedReason } from './triage.js';

export type InboundReason = IgnoredReason | NotCheckedReason | AutoReplyBlock;

const REASONS: Readonly<Record<InboundReason, string>> = {
  inline_image: 'image insérée dans le corps du message (logo, signature), non analysée',
  small_image: 'image de moins de 10 Ko (logo ou icône), non analysée',
  calendar: 'invitation de calendrier, non analysée',
  vcard: 'carte de visite (vCard), non analysée',
  signature: 'signature électronique du message, non analysée',
  winmail_container:
    'fichier winmail.dat d’Outlook : les pièces jointes qu’il contenait ont été extraites',
  forwarded_mail:
    'message transféré en pièce jointe : ses propres pièces jointes ont été examinées',
  unsupported_format:
    'format non pris en charge : merci d’envoyer le devis en PDF ou en photo (JPEG, PNG)',
  too_large: 'fichier trop volumineux pour être analysé',
  empty: 'fichier vide',
  winmail_unreadable:
    'fichier winmail.dat d’Outlook illisible : merci de renvoyer le devis en PDF, ou de régler Outlook pour envoyer les messages au format HTML ou texte',
  forward_too_deep:
    'message transféré dans trop de messages successifs : merci d’envoyer directement le devis en pièce jointe',
  auto_submitted: 'message envoyé automatiquement (réponse automatique, notification)',
  precedence: 'message de liste de diffusion ou envoi en nombre',
  list: 'message d’une liste de diffusion',
  report: 'rapport de remise (message non distribué, accusé de lecture)',
  no_reply_sender: 'expéditeur qui ne reçoit pas de réponse (no-reply, mailer-daemon)',
  our_own_mail: 'message envoyé par le service lui-même',
  loop: 'message qui tourne en boucle entre serveurs de messagerie',
};

/**
 * `formatLabel` (from triage, e.g. "un document Word (.docx)") makes the unsupported-format
 * sentence precise; `maxMiB` names the size limit.
 */
export function frenchReason(
  reason: InboundReason,
  details: { formatLabel?: string; maxMiB?: number } = {},
): string {
  if (reason === 'unsupported_format' && details.formatLabel) {
    const iphone = /HEIC/u.test(details.formatLabel)
      ? ' (sur iPhone : Réglages > Appareil photo > Formats > « Le plus compatible »)'
      : '';
    return `${details.formatLabel} : format non pris en charge, merci d’envoyer le devis en PDF ou en photo (JPEG, PNG)${iphone}`;
  }
  if (reason === 'too_large' && details.maxMiB) {
    return `fichier trop volumineux (plus de ${details.maxMiB} Mo) pour être analysé`;
  }
  return REASONS[reason];
}

const INBOUND_STATUS_LABELS: Readonly<Record<string, string>> = {
  received: 'reçu, en attente de traitement',
  replying: 'traité, réponse en cours d’envoi',
  processed: 'traité',
  ignored: 'ignoré',
  duplicate: 'déjà reçu',
  failed: 'échec du traitement',
};

/** Why an inbound mail got no check, for the codes that are not a part's reason. */
const INBOUND_ERROR_LABELS: Readonly<Record<string, string>> = {
  attachment_too_large: 'pièce jointe trop volumineuse',
  unsupported_attachment: 'pièce jointe dans un format non pris en charge',
  unreadable_file: 'pièce jointe illisible',
  no_attachment: 'aucun devis en pièce jointe',
  wrong_address: 'message envoyé à une adresse qui ne reçoit pas de devis',
  quota_exceeded: 'nombre de devis autorisés par jour dépassé',
  unreadable_inbound: 'message illisible',
  processing_error: 'erreur pendant le traitement',
  download_failed: 'pièces jointes impossibles à télécharger',
};

/** « traité », « ignoré (expéditeur qui ne reçoit pas de réponse (no-reply, …)) »: never a code. */
export function frenchInboundOutcome(status: string, errorCode: string | null): string {
  const state = INBOUND_STATUS_LABELS[status] ?? 'état inconnu';
  if (!errorCode) return state;
  const why =
    INBOUND_ERROR_LABELS[errorCode] ??
    (REASONS as Readonly<Record<string, string>>)[errorCode] ??
    'raison non précisée';
  return `${state} : ${why}`;
}
