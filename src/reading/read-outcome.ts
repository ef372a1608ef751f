/**
 * What reading a file gives: a document, or a failure with upstream's reading code
 * (DESIGN.md §5) and a French `problem` saying precisely what is wrong and what to do, written
 * for the person who sent the file.
 */
import { MAX_DOCUMENT_CHARS } from '../domain/quote-document.js';
import type { QuoteDocument } from '../extract/document.js';
import { MAX_IMAGE_PIXELS } from './image-size.js';

export type ReadingCode = 'empty_file_error' | 'file_reading_error' | 'unsupported_file_format';

export type ReadFailureReason =
  | 'empty_file'
  | 'encrypted'
  | 'truncated'
  | 'corrupt'
  | 'not_really_pdf'
  | 'zero_pages'
  | 'no_text_layer'
  | 'image'
  | 'blank_text'
  | 'zip'
  | 'office'
  | 'unknown_format'
  | 'timeout'
  | 'decompression_bomb'
  | 'too_much_text'
  | 'image_too_large'
  | 'corrupt_image'
  | 'truncated_image';

export type ReadOutcome =
  | {
      ok: true;
      kind: 'text_layer' | 'plain_text';
      doc: QuoteDocument;
      pageCount: number;
      /** 1-based pages without a usable text layer (scanned pages of a mixed PDF). */
      pagesWithoutText: number[];
      mime: string;
    }
  | {
      ok: false;
      kind: 'scan' | 'unreadable' | 'unsupported';
      code: ReadingCode;
      reason: ReadFailureReason;
      problem: string;
      pageCount?: number;
      mime: string;
    };

export type ReadFailure = Extract<ReadOutcome, { ok: false }>;

const CODES: Record<ReadFailureReason, [ReadFailure['kind'], ReadingCode]> = {
  empty_file: ['unreadable', 'empty_file_error'],
  encrypted: ['unreadable', 'file_reading_error'],
  truncated: ['unreadable', 'file_reading_error'],
  corrupt: ['unreadable', 'file_reading_error'],
  not_really_pdf: ['unsupported', 'unsupported_file_format'],
  zero_pages: ['unreadable', 'empty_file_error'],
  no_text_layer: ['scan', 'empty_file_error'],
  image: ['scan', 'empty_file_error'],
  blank_text: ['unreadable', 'empty_file_error'],
  zip: ['unsupported', 'unsupported_file_format'],
  office: ['unsupported', 'unsupported_file_format'],
  unknown_format: ['unsupported', 'unsupported_file_format'],
  timeout: ['unreadable', 'file_reading_error'],
  decompression_bomb: ['unreadable', 'file_reading_error'],
  too_much_text: ['unreadable', 'file_reading_error'],
  image_too_large: ['unreadable', 'file_reading_error'],
  corrupt_image: ['unreadable', 'file_reading_error'],
  truncated_image: ['unreadable', 'file_reading_error'],
};

export interface ProblemContext {
  /** The attachment's name as sent (shown between « »). */
  filename: string;
  /** French name of the detected format: "une image PNG". */
  label: string;
  /** Extension of the file name, lower case, without the dot ('' when none). */
  extension: string;
  /** A worker crash rather than a parse error (`corrupt` only). */
  crashed?: boolean;
  /** Width and height in pixels (`image_too_large` only). */
  dimensions?: { width: number; height: number };
}

/** 12 000 000 → « 12 millions », 40 000 000 → « 40 millions ». */
function millions(pixels: number): string {
  return `${Math.round(pixels / 1_000_000).toLocaleString('fr-FR')} millions`;
}

const RESEND_PDF =
  'Renvoyez le devis au format PDF, tel que le produit le logiciel de devis ou de facturation.';
const NO_OCR =
  'La reconnaissance automatique du texte (OCR) n’est pas activée sur ce service. ' +
  'Renvoyez le PDF produit par le logiciel de devis, plutôt qu’un scan ou une photo du devis imprimé.';
const EXPORT_AGAIN =
  'Exportez à nouveau le devis en PDF depuis le logiciel qui l’a produit, puis renvoyez-le.';

function problemText(reason: ReadFailureReason, ctx: ProblemContext): string {
  const name = `« ${ctx.filename} »`;
  switch (reason) {
    case 'empty_file':
      return `Le fichier ${name} est vide (0 octet) : il a sans doute mal été joint. ${RESEND_PDF}`;
    case 'encrypted':
      return (
        `Le document ${name} est protégé par un mot de passe : nous ne pouvons pas l’ouvrir. ` +
        'Renvoyez une version non protégée du devis (exportée en PDF sans mot de passe).'
      );
    case 'truncated':
      return (
        `Le fichier PDF ${name} est incomplet : il s’arrête avant la fin du document ` +
        '(envoi ou téléchargement interrompu). Renvoyez le fichier complet.'
      );
    case 'corrupt':
      return ctx.crashed
        ? `La lecture du fichier PDF ${name} a échoué : le fichier est probablement endommagé ou trop complexe. ${EXPORT_AGAIN}`
        : `Le fichier PDF ${name} est endommagé : sa structure ne peut pas être lue. ${EXPORT_AGAIN}`;
    case 'not_really_pdf':
      return (
        `Le fichier ${name} porte l’extension .pdf mais n’est pas un PDF : c’est ${ctx.label}. ` +
        RESEND_PDF
      );
    case 'zero_pages':
      return `Le fichier PDF ${name} ne contient aucune page. Renvoyez le devis complet au format PDF.`;
    case 'no_text_layer':
      return `Le document ${name} est un scan ou une photo : son texte n’a pas pu être lu. ${NO_OCR}`;
    case 'image':
      return `Le fichier ${name} est ${ctx.label} : le texte d’une image ne peut pas être lu. ${NO_OCR}`;
    case 'blank_text':
      return `Le fichier texte ${name} ne contient aucun texte (il est vide ou ne contient que des espaces). ${RESEND_PDF}`;
    case 'zip':
      return (
        `Le fichier ${name} est une archive ZIP : nous n’ouvrons pas les archives. ` +
        'Envoyez directement le devis en pièce jointe, au format PDF.'
      );
    case 'office':
      return (
        `Le fichier ${name} est ${ctx.label} : ce format n’est pas lu. ` +
        'Enregistrez le devis en PDF (« Enregistrer sous » ou « Exporter » puis PDF) et renvoyez-le.'
      );
    case 'unknown_format':
      return ctx.extension && ctx.label === 'un fichier texte'
        ? `Le fichier ${name} porte l’extension .${ctx.extension} mais contient du texte brut : son format n’est pas reconnu. ${RESEND_PDF}`
        : `Le fichier ${name} est ${ctx.label} : ce format n’est pas lu. ${RESEND_PDF}`;
    case 'timeout':
      return (
        `La lecture du fichier ${name} a pris trop de temps et a été interrompue : ` +
        `le fichier est probablement endommagé ou trop complexe. ${EXPORT_AGAIN}`
      );
    case 'decompression_bomb':
      return (
        `Le fichier PDF ${name} n’a pas été ouvert : une fois décompressé, son contenu serait ` +
        'démesuré (des centaines de mégaoctets pour un fichier de petite taille), ce qui ' +
        `n’arrive pas dans un devis et peut être un fichier piégé. ${EXPORT_AGAIN}`
      );
    case 'too_much_text':
      return (
        `Le document ${name} contient beaucoup trop de texte pour un devis (plus de ` +
        `${MAX_DOCUMENT_CHARS.toLocaleString('fr-FR')} caractères) : il n’a pas été vérifié. ` +
        'Envoyez seulement le devis, sans les documents joints (notices, catalogues…).'
      );
    case 'image_too_large': {
      const size = ctx.dimensions
        ? ` (${ctx.dimensions.width.toLocaleString('fr-FR')} × ${ctx.dimensions.height.toLocaleString('fr-FR')} pixels)`
        : '';
      return (
        `L’image ${name} est trop grande pour être lue${size} : nous lisons les images ` +
        `jusqu’à ${millions(MAX_IMAGE_PIXELS)} de pixels. ` +
        'Renvoyez le PDF produit par le logiciel de devis, ou une photo de taille normale.'
      );
    }
    case 'truncated_image':
      return (
        `L’image ${name} est incomplète : elle s’arrête avant la fin (envoi ou téléchargement ` +
        'interrompu), et le bas du devis manquerait. Renvoyez l’image complète, ou mieux le PDF ' +
        'produit par le logiciel de devis.'
      );
    case 'corrupt_image':
      return (
        `L’image ${name} est endommagée : elle ne peut pas être ouverte (fichier incomplet ` +
        'ou abîmé). Renvoyez le PDF produit par le logiciel de devis, ou à défaut une nouvelle ' +
        'photo du devis.'
      );
  }
}

export function readFailure(
  reason: ReadFailureReason,
  ctx: ProblemContext & { mime: string; pageCount?: number },
): ReadFailure {
  const [kind, code] = CODES[reason];
  const failure: ReadFailure = {
    ok: false,
    kind,
    code,
    reason,
    problem: problemText(reason, ctx),
    mime: ctx.mime,
  };
  if (ctx.pageCount !== undefined) failure.pageCount = ctx.pageCount;
  return failure;
}
