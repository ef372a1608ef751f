import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertMailFiles } from '../../src/cli/ingest.js';
import { UsageError } from '../../src/cli/usage.js';

const emails = fileURLToPath(new URL('../fixtures/emails/', import.meta.url));
const files = fileURLToPath(new URL('../fixtures/files/', import.meta.url));

describe('mdso ingest: what it accepts', () => {
  it('accepts every corpus mail', async () => {
    const mails = readdirSync(emails).filter((f) => f.endsWith('.eml'));
    expect(mails.length).toBeGreaterThanOrEqual(8);
    await expect(assertMailFiles(mails.map((f) => `${emails}${f}`))).resolves.toBeUndefined();
  });

  it('refuses a quote given instead of a mail, with a French message saying what to do', async () => {
    const pdf = `${files}dev-02.pdf`;
    await expect(assertMailFiles([pdf])).rejects.toThrow(UsageError);
    await expect(assertMailFiles([pdf])).rejects.toThrow(
      /n'est pas un e-mail \(\.eml\) : pour vérifier un devis, utilisez « mdso check »/u,
    );
  });
});
