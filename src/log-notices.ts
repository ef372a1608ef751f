/**
 * What a person reads on a terminal when a command-line tool meets a warning (issue 9): one
 * French line per event, never a JSON log record or a stack trace. The service logs the same
 * events as JSON lines with ids; the command-line logger (logger.ts) turns them into these
 * lines, found by the log message. An event without a line here still gets a generic French one.
 */

/** A pino record as written (JSON), of level warn or above. */
export interface LogRecord {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

/** Outside systems by the `adapter` of their UpstreamError, as people know them. */
const SERVICES: Readonly<Record<string, string>> = {
  ademe: 'Annuaire RGE de l’ADEME',
  sirene: 'Annuaire des entreprises (SIRENE)',
  llm: 'Service d’IA (LLM)',
  tesseract: 'OCR local (tesseract)',
  'tesseract.js': 'OCR local (tesseract.js)',
  'mdso-ocr': 'Service OCR',
  'albert-ocr': 'OCR Albert',
  clamav: 'Antivirus ClamAV',
  brevo: 'Service Brevo',
  smtp: 'Serveur SMTP d’envoi',
};

const REGISTRY_NOT_VERIFIED: Readonly<Record<string, string>> = {
  ademe: 'Annuaire RGE de l’ADEME injoignable : vérification RGE non faite.',
  sirene:
    'Annuaire des entreprises (SIRENE) injoignable : nom et adresse de l’entreprise non vérifiés.',
};

function field(record: LogRecord, name: string): unknown {
  return record[name];
}

/** The outside system an error came from (`err.adapter`), named for people. */
function serviceOf(record: LogRecord): string | undefined {
  const err = field(record, 'err') as { adapter?: unknown } | undefined;
  const adapter = typeof err?.adapter === 'string' ? err.adapter : field(record, 'adapter');
  return typeof adapter === 'string' ? SERVICES[adapter] : undefined;
}

const page = (record: LogRecord): string =>
  typeof record['page'] === 'number' ? ` ${record['page']}` : '';

const NOTICES: Readonly<Record<string, (record: LogRecord) => string>> = {
  'registry unavailable: not verified': (r) =>
    REGISTRY_NOT_VERIFIED[String(r['adapter'])] ?? 'Annuaire injoignable : vérification non faite.',
  'step failed: will retry': (r) =>
    `${serviceOf(r) ?? 'Une étape de l’analyse'} indisponible : nouvel essai dans quelques instants.`,
  'step failed for the last time: giving up': (r) =>
    r['outcome'] === 'continued'
      ? `${serviceOf(r) ?? 'Une étape de l’analyse'} indisponible : l’analyse continue sans ce service.`
      : `${serviceOf(r) ?? 'Une étape de l’analyse'} indisponible : analyse du devis arrêtée.`,
  'infected file': () => 'Fichier infecté : il n’est ni lu ni envoyé nulle part.',
  'clamav found a virus': () => 'Virus détecté par l’antivirus : le fichier n’est pas lu.',
  'MDSO_OCR_API_KEY unset: local OCR instead': () =>
    'MDSO_OCR_API_KEY n’est pas renseignée : l’OCR local est utilisé à la place.',
  'ALBERT_API_KEY unset: local OCR instead': () =>
    'ALBERT_API_KEY n’est pas renseignée : l’OCR local est utilisé à la place.',
  'OCR engine not available here: local OCR instead': (r) =>
    `Moteur OCR « ${String(r['engine'])} » inconnu : l’OCR local est utilisé à la place.`,
  'ocr model not found, fallback': () =>
    'Modèle OCR introuvable : un autre modèle du service est utilisé.',
  'tesseract failed': () => 'L’OCR local (tesseract) a échoué sur une image.',
  'tesseract.js worker error': () => 'L’OCR local (tesseract.js) a rencontré une erreur.',
  'pdf page unreadable': (r) => `Page${page(r)} du PDF illisible : elle est ignorée.`,
  'pdf page not rendered for ocr': (r) =>
    `Page${page(r)} du PDF non convertie en image : elle n’est pas lue par l’OCR.`,
  'pdf read timed out': () => 'Lecture du PDF trop longue : abandonnée.',
  'pdf worker stopped during a read': () => 'Le lecteur de PDF s’est arrêté pendant une lecture.',
  'llm answer rejected': () =>
    'Réponse du service d’IA inexploitable : la lecture sans IA est gardée.',
  'llm model not found, falling back': () =>
    'Modèle d’IA introuvable : un autre modèle du fournisseur est utilisé.',
  'lease lost: result dropped': () =>
    'Devis repris entre-temps par un autre processus : ce résultat-ci est abandonné.',
  'lease lost before finalising: another worker has the check': () =>
    'Devis repris entre-temps par un autre processus : ce résultat-ci est abandonné.',
  'case report not sent': () =>
    'Rapport du dossier non envoyé pour l’instant : le service le renverra.',
  'mail send failed, will retry': () =>
    'Envoi d’un courriel en échec : le service le retentera plus tard.',
  'mail given up': () => 'Envoi d’un courriel abandonné après plusieurs essais.',
  'pending mail not sent': () => 'Un courriel en attente n’a pas pu être envoyé.',
  'inbound mail unreadable': () => 'Courriel illisible : il n’est pas traité.',
  'inbound mail retried later': () => 'Courriel pas encore traitable : nouvel essai plus tard.',
  'inbound mail processing failed': () => 'Le traitement d’un courriel a échoué.',
  'metabase export failed': (r) =>
    `Export Metabase en échec (${String(r['step'] ?? 'étape inconnue')}) : ${String(r['reason'] ?? 'erreur technique')}. L’export précédent reste en place.`,
  'metabase export: interrupted runs closed': () =>
    'Un export Metabase précédent s’était arrêté avant la fin : il est noté en échec.',
  'PostgreSQL embarqué orphelin (processus parent disparu) : arrêt': () =>
    'PostgreSQL embarqué orphelin (processus parent disparu) : arrêt.',
};

/** The French line for a warning or an error. */
export function noticeOf(record: LogRecord): string {
  const notice = NOTICES[record.msg ?? ''];
  if (notice) return notice(record);
  return record.level >= 50
    ? 'Erreur technique : relancez avec LOG_LEVEL=debug pour le détail.'
    : 'Avertissement technique : relancez avec LOG_LEVEL=debug pour le détail.';
}
