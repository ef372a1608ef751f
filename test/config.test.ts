import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, SETTING_NAMES } from '../src/config.js';

const envExample = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

function exampleKeys(): string[] {
  return envExample
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/u.exec(line)?.[1])
    .filter((key): key is string => key !== undefined);
}

function exampleEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of envExample.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/u.exec(line);
    if (m?.[1]) env[m[1]] = m[2] ?? '';
  }
  return env;
}

describe('config', () => {
  it('.env.example lists exactly the settings of the schema', () => {
    expect([...exampleKeys()].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('the defaults of .env.example are valid', () => {
    const config = loadConfig(exampleEnv());
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MAIL_TRANSPORT).toBe('outbox');
    expect(config.priceRanges).toEqual({});
  });

  it('reads partner API keys, price ranges and the legacy webhook token', () => {
    const config = loadConfig({
      MDSO_API_KEY_FOR_MDSO: 'k1',
      MDSO_API_KEY_FOR_PARTNER_A: 'k2',
      MDSO_GESTE_PRICES_RANGES: '{"isolation_comble_perdu":"15..60"}',
      RAILS_INBOUND_EMAIL_PASSWORD: 'secret',
    });
    expect(config.apiKeys).toEqual({ mdso: 'k1', partner_a: 'k2' });
    expect(config.priceRanges).toEqual({ isolation_comble_perdu: { min: 15, max: 60 } });
    expect(config.inboundWebhookToken).toBe('secret');
  });

  it('reports every bad key at once, in French', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', MAIL_TRANSPORT: 'pigeon' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join('\n');
    expect(issues).toContain('PORT');
    expect(issues).toContain('MAIL_TRANSPORT');
    expect((error as Error).message).toContain('Configuration invalide');
  });

  it('refuses a malformed price range', () => {
    expect(() => loadConfig({ MDSO_GESTE_PRICES_RANGES: '{"pac_air_eau":"cher"}' })).toThrow(
      /MDSO_GESTE_PRICES_RANGES/u,
    );
  });
});
