/** classifyRecipient and pickRecipient (DESIGN.md §3, recipients). */
import { describe, expect, it } from '@jest/globals';
import { classifyRecipient, pickRecipient } from '../../src/inbound/recipients.js';

const DOMAIN = 'mail.mdso.local';

describe('classifyRecipient', () => {
  it.each([
    ['devis@mail.mdso.local', 'service'],
    ['DEVIS@Mail.MDSO.local', 'service'],
    ['<devis@mail.mdso.local.>', 'service'],
    ['devis+Ab12cd34@mail.mdso.local', { token: 'Ab12cd34' }],
    ['devis+x@mail.mdso.local', 'service'],
    ['contact@mail.mdso.local', 'other_local_part'],
    ['devis@mail-mdso.local', 'outside_domain'],
    ['devis@sub.mail.mdso.local', 'outside_domain'],
    ['pas-une-adresse', 'outside_domain'],
  ])('%s → %j', (address, expected) => {
    expect(classifyRecipient(address, DOMAIN)).toEqual(expected);
  });

  it('compares internationalised domains in their ASCII form', () => {
    expect(classifyRecipient('devis@xn--rnovation-b4a.fr', 'rénovation.fr')).toBe('service');
    expect(classifyRecipient('devis@RÉNOVATION.fr', 'xn--rnovation-b4a.fr')).toBe('service');
  });
});

describe('pickRecipient', () => {
  it('prefers a case token wherever it is, then the service address', () => {
    expect(
      pickRecipient(
        { to: ['devis@mail.mdso.local'], cc: ['devis+tok3n42@mail.mdso.local'] },
        DOMAIN,
      ),
    ).toEqual({
      address: 'devis+tok3n42@mail.mdso.local',
      source: 'cc',
      recipient: { token: 'tok3n42' },
    });
    expect(
      pickRecipient(
        {
          envelope: ['devis@mail.mdso.local'],
          to: ['client@example.org'],
          cc: ['info@mail.mdso.local'],
        },
        DOMAIN,
      ),
    ).toMatchObject({ source: 'envelope', recipient: 'service' });
  });

  it('falls back to another local part, and to nothing outside the domain', () => {
    expect(pickRecipient({ to: ['info@mail.mdso.local'] }, DOMAIN)).toMatchObject({
      recipient: 'other_local_part',
    });
    expect(pickRecipient({ to: ['devis@mail-mdso.local'] }, DOMAIN)).toBeUndefined();
  });
});
