/**
 * Text acquisition (pipeline.md §4): the PDF text layer, plain text, or OCR for scans and
 * images when an OCR engine is configured. A file that cannot be read is not an error of the
 * step: its reading code and French problem are stored and become the check's finding.
 */
import { getQuoteFile } from '../../db/quote-files-repo.js';
import { ocrDocument } from '../../reading/ocr-document.js';
import { readDocument } from '../../reading/read-document.js';
import type { Step } from './step.js';

export const READ_VERSION = 'read/1';

export const readStep: Step = {
  name: 'read',
  from: 'scanned',
  async run(check, deps) {
    if (check.reading?.kind === 'infected') return { patch: {}, outcome: 'skipped' };
    const file = check.fileId ? await getQuoteFile(deps.db, check.fileId) : undefined;
    if (!file) throw new Error(`quote check ${check.id} has no file`);
    // text given with an API upload (file_markdown, else file_text) is read instead of the file
    const { filename, data: bytes } = check.givenText
      ? { filename: 'texte-fourni.txt', data: new TextEncoder().encode(check.givenText) }
      : file;
    const logger = deps.logger.child({ quoteCheckId: check.id });
    const firstRead = await readDocument(bytes, {
      filename,
      reader: deps.reader,
      timeoutMs: deps.readTimeoutMs,
      logger,
    });
    const outcome = deps.ocr
      ? await ocrDocument(bytes, firstRead, {
          filename,
          engine: deps.ocr,
          reader: deps.reader,
          renderTimeoutMs: deps.readTimeoutMs,
          logger,
        })
      : firstRead;
    if (!outcome.ok) {
      return {
        patch: {
          reading: {
            kind: outcome.kind,
            code: outcome.code,
            problem: outcome.problem,
            ...(outcome.pageCount === undefined ? {} : { pageCount: outcome.pageCount }),
          },
          document: null,
        },
        outcome: 'done',
        version: READ_VERSION,
      };
    }
    return {
      patch: {
        reading:
          outcome.kind === 'scan' && deps.ocr
            ? { kind: 'ocr', pageCount: outcome.pageCount, ocrEngine: deps.ocr.name }
            : { kind: outcome.kind, pageCount: outcome.pageCount },
        document: outcome.doc,
      },
      outcome: 'done',
      version: READ_VERSION,
    };
  },
  giveUp: () => ({
    reading: {
      kind: 'unreadable',
      code: 'file_reading_error',
      problem:
        'La lecture du fichier a échoué à plusieurs reprises. Renvoyez le devis au format PDF, ' +
        'tel que le produit le logiciel de devis ou de facturation.',
    },
    document: null,
  }),
};
