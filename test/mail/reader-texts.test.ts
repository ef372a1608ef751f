/**
 * Every text a person reads, scanned for what they must never see (issue 9, item 1 and its first
 * Target): no finding code, snake_case identifier, MIME type, uuid or stack trace in any mail
 * (subject, HTML as read, text part) nor in `mdso check`'s summary; one apostrophe and French
 * spacing in the mails. The texts come from real parts: the templates with their samples, and
 * a results report, inbound replies and CLI summaries built from real checks of fixture files
 * (an encrypted PDF, a truncated one, a certificate that is not a quote, an image, a text quote,
 * a Word file, a program, an archive) and real triage decisions.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { formatSummary } from '../../src/cli/summary.js';
import { GESTE_TITLES, isGesteType } from '../../src/domain/geste-types.js';
import { buildResultUrl } from '../../src/domain/result-links.js';
import { frenchReason } from '../../src/inbound/french-reason.js';
import type { AttachmentPart } from '../../src/inbound/parsed-email.js';
import { triagePart } from '../../src/inbound/triage.js';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';
import type { RenderedMail } from '../../src/mail/renderer.js';
import {
  groupQuoteFindings,
  type CaseReportView,
  type NotCheckedAttachment,
  type QuoteReportView,
} from '../../src/mail/report-view.js';
import { TEMPLATE_NAMES } from '../../src/mail/template-names.js';
import type { CheckOutcome } from '../../src/pipeline/check-outcome.js';
import { checkFile, closeCheckFile } from '../../src/pipeline/check-file.js';
import { testRenderer } from '../support/mail-deps.js';
import {
  findLeaks,
  findTypographyProblems,
  htmlToText,
  withoutNames,
  withoutUrls,
  type TextProblem,
} from '../support/reader-text.js';

const TODAY = '2026-03-12';
const HOST = 'https://front.mdso.test';
const ADDRESS = 'devis@mail.mdso.test';
const renderer = await testRenderer();

const fixture = (name: string) => readFile(new URL(`../fixtures/${name}`, import.meta.url));

/** A Word file as far as the sniffer sees: a zip whose first entry is word/document.xml. */
function docxBytes(): Buffer {
  const name = Buffer.from('word/document.xml', 'latin1');
  const header = Buffer.alloc(30);
  header.write('PK\x03\x04', 0, 'latin1');
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, Buffer.from('<w:document/>')]);
}

/** Files as people send them: the name shown to them, and the bytes. */
const FILES: { filename: string; bytes: () => Promise<Buffer> }[] = [
  { filename: 'Devis_test.pdf', bytes: () => fixture('files/Devis_test.pdf') },
  { filename: 'dev-02.pdf', bytes: () => fixture('files/dev-02.pdf') },
  { filename: 'dev-10-attestation.pdf', bytes: () => fixture('files/dev-10-attestation.pdf') },
  { filename: 'dev-11-truncated.pdf', bytes: () => fixture('files/dev-11-truncated.pdf') },
  { filename: 'dev-12-encrypted.pdf', bytes: () => fixture('files/dev-12-encrypted.pdf') },
  { filename: 'empty.pdf', bytes: () => fixture('files/empty.pdf') },
  { filename: 'Devis_test.png', bytes: () => fixture('files/Devis_test.png') },
  { filename: 'Devis_test.zip', bytes: () => fixture('files/Devis_test.zip') },
  {
    filename: 'devis-isolation.txt',
    bytes: () => fixture('extract-variants/v07-minimal-iso-dates.txt'),
  },
  { filename: 'Devis chauffe-eau.docx', bytes: () => Promise.resolve(docxBytes()) },
  { filename: 'programme.exe', bytes: () => Promise.resolve(Buffer.from('MZ\x90\0\x03\0\0\0')) },
];
const NAMES = FILES.map((f) => f.filename);

const checked: { filename: string; outcome: CheckOutcome }[] = [];
const notChecked: NotCheckedAttachment[] = [];
const unsupported: { filename: string; format?: string }[] = [];

/** An attachment as the mail parser gives it, for the real triage. */
function attachment(filename: string, bytes: Buffer): AttachmentPart {
  return {
    index: 0,
    filename,
    contentType: 'application/octet-stream',
    disposition: 'attachment',
    location: 'top-level',
    forwardDepth: 0,
    hasDeclaredFilename: true,
    size: bytes.length,
    sha256: '',
    head: bytes.subarray(0, 65_536),
    bytes,
    tooLarge: false,
    sentToSink: false,
    related: false,
    referencedFromHtml: false,
    isForwardedMail: false,
    forwardOpened: false,
    isTnef: false,
    tnefOpened: false,
  };
}

function quoteView({ filename, outcome }: (typeof checked)[number]): QuoteReportView {
  const gestes = (outcome.attributes.gestes ?? []).map((g, i) => ({
    id: `${outcome.id}-geste-${i + 1}`,
    label: isGesteType(g.type) ? GESTE_TITLES[g.type] : (g.intitule ?? 'Travaux'),
  }));
  const companyName = outcome.attributes.pro?.raison_sociale;
  const companySiret = outcome.attributes.pro?.siret;
  return {
    checkId: outcome.id,
    filename,
    status: outcome.status,
    ...(companyName ? { companyName } : {}),
    ...(companySiret ? { companySiret } : {}),
    resultUrl: buildResultUrl(
      { frontendHost: HOST, applicationHost: HOST },
      { kind: 'check', id: outcome.id, token: 'jeton', campaign: 'full_email' },
    ),
    ...groupQuoteFindings(outcome.error_details, gestes),
    toVerify: (outcome.a_verifier ?? []).map((t) => t.label),
  };
}

beforeAll(async () => {
  for (const file of FILES) {
    const bytes = await file.bytes();
    const decision = triagePart(attachment(file.filename, bytes), { maxQuoteFileBytes: 50e6 });
    if (decision.outcome === 'not_checked') {
      const formatLabel = decision.formatLabel;
      notChecked.push({ filename: file.filename, reason: frenchReason(decision.reason, decision) });
      unsupported.push({
        filename: file.filename,
        ...(formatLabel ? { format: formatLabel } : {}),
      });
    }
    // every file is also checked as `mdso check` would, whatever the mail side decides
    const outcome = await checkFile({ bytes, filename: file.filename }, { today: TODAY });
    checked.push({ filename: file.filename, outcome });
  }
  for (const reason of ['empty', 'winmail_unreadable', 'forward_too_deep', 'too_large'] as const) {
    notChecked.push({ filename: 'winmail.dat', reason: frenchReason(reason, { maxMiB: 50 }) });
  }
}, 180_000);

afterAll(async () => {
  await closeCheckFile();
});

/** Every mail of the suite: each template with its sample, then with data from real checks. */
function allMails(): { label: string; mail: RenderedMail }[] {
  const samples = TEMPLATE_NAMES.map((name) => ({
    label: `${name} (exemple)`,
    mail: renderer.render(name, SAMPLE_DATA[name] as never),
  }));
  const caseId = checked[0]?.outcome.id ?? '';
  const report: CaseReportView = {
    kind: 'case',
    caseId,
    resultUrl: buildResultUrl(
      { frontendHost: HOST, applicationHost: HOST },
      { kind: 'case', id: caseId, token: 'jeton', campaign: 'full_email' },
    ),
    analysedAt: `${TODAY}T10:00:00Z`,
    receivedAt: `${TODAY}T08:00:00Z`,
    quotes: checked.map(quoteView),
    caseFindings: [],
    notChecked,
  };
  const single: CaseReportView = { ...report, kind: 'quote', quotes: report.quotes.slice(4, 5) };
  return [
    ...samples,
    {
      label: 'results_available (vrais contrôles)',
      mail: renderer.render('results_available', report),
    },
    {
      label: 'results_available (devis protégé)',
      mail: renderer.render('results_available', single),
    },
    {
      label: 'unsupported_attachment (vrai tri)',
      mail: renderer.render('unsupported_attachment', {
        files: unsupported,
        submissionAddress: ADDRESS,
      }),
    },
    {
      label: 'unreadable_file (vraies raisons)',
      mail: renderer.render('unreadable_file', { files: notChecked, submissionAddress: ADDRESS }),
    },
    {
      label: 'quotes_case_created (vrai tri)',
      mail: renderer.render('quotes_case_created', {
        caseId,
        receivedAt: `${TODAY}T08:00:00Z`,
        filenames: NAMES,
        resultUrl: report.resultUrl,
        notChecked,
      }),
    },
  ];
}

/** Names from the samples and the fixtures: shown as sent, so never scanned. */
function sentNames(): string[] {
  const sample = SAMPLE_DATA.results_available;
  return [
    ...NAMES,
    ...sample.quotes.map((q) => q.filename ?? ''),
    ...sample.notChecked.map((n) => n.filename),
    SAMPLE_DATA.quote_check_created.filename ?? '',
    ...SAMPLE_DATA.quotes_case_updated.addedFilenames,
    ...SAMPLE_DATA.attachment_too_large.files.map((f) => f.filename),
    ...SAMPLE_DATA.unsupported_attachment.files.map((f) => f.filename),
    ...SAMPLE_DATA.unreadable_file.files.map((f) => f.filename),
    'winmail.dat',
  ].filter(Boolean);
}

/** The parts of a mail as a reader gets them, URLs and file names set aside. */
function readerParts(mail: RenderedMail) {
  const clean = (s: string) => withoutNames(withoutUrls(s), sentNames());
  return [
    { part: 'subject', text: clean(mail.subject), html: false },
    { part: 'html', text: clean(htmlToText(mail.html)), html: true },
    { part: 'text', text: clean(mail.text), html: false },
  ];
}

function report(problems: readonly TextProblem[]): string[] {
  return problems.map((p) => `${p.rule}: « ${p.found} » in « ${p.around} »`);
}

describe('texts people read', () => {
  it('the fixture files gave every kind of outcome', () => {
    const readings = new Set(checked.map((c) => c.outcome.reading));
    expect([...readings].sort()).toEqual(
      expect.arrayContaining(['plain_text', 'text_layer', 'unreadable', 'unsupported']),
    );
    expect(notChecked.length).toBeGreaterThan(4);
    expect(unsupported.map((u) => u.format)).toContain('un document Word (.docx)');
  });

  it('no mail shows a code, an identifier, a MIME type, a uuid or a stack trace', () => {
    const found = allMails().flatMap(({ label, mail }) =>
      readerParts(mail).flatMap(({ part, text }) =>
        report(findLeaks(text)).map((p) => `${label} ${part}: ${p}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("mails write one apostrophe (') and French spacing, no-break in HTML", () => {
    const found = allMails().flatMap(({ label, mail }) =>
      readerParts(mail).flatMap(({ part, text, html }) =>
        report(findTypographyProblems(text, { noBreak: html, apostrophes: true })).map(
          (p) => `${label} ${part}: ${p}`,
        ),
      ),
    );
    expect(found).toEqual([]);
  });

  it('a typographic apostrophe from a reading problem reaches the mail straight', () => {
    const encrypted = allMails().find((m) => m.label.includes('devis protégé'))?.mail;
    expect(encrypted?.text).toContain("nous ne pouvons pas l'ouvrir");
    expect(encrypted?.text).not.toContain('’');
  });

  it('no `mdso check` summary shows a code, an identifier, a MIME type, a uuid or a trace', () => {
    const found = checked.flatMap(({ filename, outcome }) => {
      const text = withoutNames(withoutUrls(formatSummary(filename, outcome)), NAMES);
      return [
        ...report(findLeaks(text)),
        ...report(findTypographyProblems(text, { noBreak: false, apostrophes: false })),
      ].map((p) => `${filename}: ${p}`);
    });
    expect(found).toEqual([]);
  });
});
