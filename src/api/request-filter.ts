/**
 * The request filter of spec/api.md §9: paths that probe for well-known weaknesses (`/.env`,
 * `/wp-…`, `….php`, archives, dumps…) get 403 `{"error":"Forbidden","message":"Bot access
 * detected and blocked"}` and a log line (IP, rule, path, user agent), except from loopback and
 * private networks. Departure from upstream: `.txt` is not blocked, because
 * `/api/v1/…/results.txt` is a route of ours.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger.js';

const BLOCKED_PREFIXES = [
  '/.env',
  '/.git',
  '/.svn',
  '/.hg',
  '/.aws',
  '/.ssh',
  '/.vscode',
  '/.ds_store',
  '/wp-',
  '/wordpress',
  '/admin',
  '/administrator',
  '/login',
  '/data',
  '/user',
  '/phpmyadmin',
  '/pma',
  '/cgi-bin',
  '/vendor',
  '/config',
  '/backup',
  '/db',
  '/sql',
  '/shell',
  '/xmlrpc',
  '/server-status',
  '/actuator',
  '/console',
  '/boaform',
  '/hnap1',
  '/owa',
  '/autodiscover',
  '/robots.txt',
];

const BLOCKED_SUFFIXES = [
  '.php',
  '.asp',
  '.aspx',
  '.jsp',
  '.cgi',
  '.env',
  '.ini',
  '.cfg',
  '.conf',
  '.config',
  '.yml.bak',
  '.bak',
  '.old',
  '.swp',
  '.zip',
  '.tar',
  '.gz',
  '.tgz',
  '.rar',
  '.7z',
  '.sql',
  '.db',
  '.sqlite',
  '.log',
  '.sh',
  '.py',
  '.pl',
  '.rb',
  '.git',
  '.htaccess',
  '.htpasswd',
  '.pem',
  '.key',
];

const safelist = new BlockList();
safelist.addSubnet('127.0.0.0', 8, 'ipv4');
safelist.addSubnet('10.0.0.0', 8, 'ipv4');
safelist.addSubnet('172.16.0.0', 12, 'ipv4');
safelist.addSubnet('192.168.0.0', 16, 'ipv4');
safelist.addAddress('::1', 'ipv6');
safelist.addSubnet('fc00::', 7, 'ipv6');

export function isSafelisted(ip: string | undefined): boolean {
  if (!ip) return false;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(v4)) return safelist.check(v4, 'ipv4');
  return isIPv6(ip) && safelist.check(ip, 'ipv6');
}

/** The rule a path breaks, or undefined. */
export function blockedRule(path: string): string | undefined {
  const lower = path.toLowerCase();
  const prefix = BLOCKED_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) return `prefix ${prefix}`;
  const suffix = BLOCKED_SUFFIXES.find((s) => lower.endsWith(s));
  return suffix ? `suffix ${suffix}` : undefined;
}

export function requestFilter(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const rule = blockedRule(req.path);
    if (!rule || isSafelisted(req.ip)) {
      next();
      return;
    }
    logger.warn(
      { ip: req.ip, rule, path: req.path, userAgent: req.get('user-agent') },
      'request filter: blocked',
    );
    res.status(403).json({ error: 'Forbidden', message: 'Bot access detected and blocked' });
  };
}
