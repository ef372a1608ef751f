/**
 * E-mail domains that say who writes without saying who a person is (issue 11): the analytics
 * export keeps a sender's domain only when it is a public body or a mass webmail provider; any
 * other domain (a company's, often named after its owner) leaves only as a pseudonym.
 * Data to review and extend, not code.
 */

/** Public bodies (France Rénov' advisors write from them): kept with everything under them. */
export const PUBLIC_BODY_DOMAIN_SUFFIXES: readonly string[] = ['gouv.fr', 'anah.fr', 'ademe.fr'];

/** Webmail and internet providers used by households and small firms. */
export const WEBMAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.fr',
  'yahoo.com',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'aol.com',
  'gmx.fr',
  'gmx.com',
  'proton.me',
  'protonmail.com',
];
