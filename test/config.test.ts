import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, linkSettings, loadConfig, SETTING_NAMES, withDotEnv } from '../src/config.js';

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
    expect(config.apiKeys).toEqual({ MDSO: 'k1', PARTNER_A: 'k2' });
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

describe('.env file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mdso-env-'));
  const file = join(dir, '.env');

  it('adds its settings under the environment: a variable already set wins', () => {
    writeFileSync(file, '# commentaire\nPORT=4100\nINBOUND_MAIL_DOMAIN="mail.example.test"\n');
    const env = withDotEnv({ PORT: '4200' }, file);
    expect(env.PORT).toBe('4200');
    expect(env.INBOUND_MAIL_DOMAIN).toBe('mail.example.test');
    expect(loadConfig(env).INBOUND_MAIL_DOMAIN).toBe('mail.example.test');
  });

  it('goes through the same validation as the environment', () => {
    writeFileSync(file, 'PORT=pas-un-nombre\n');
    expect(() => loadConfig(withDotEnv({}, file))).toThrow(ConfigError);
  });

  it('changes nothing when there is no file', () => {
    const env = { PORT: '4300' };
    expect(withDotEnv(env, join(dir, 'absent.env'))).toBe(env);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('link settings', () => {
  it('link to our own result page on the service URL when no frontend is set', () => {
    const config = loadConfig({ PORT: '4321' });
    expect(config.FRONTEND_APPLICATION_HOST).toBeUndefined();
    expect(config.APPLICATION_HOST).toBe('http://localhost:4321');
    expect(linkSettings(config)).toEqual({ applicationHost: 'http://localhost:4321' });
  });

  it('refuse to start in production when mail links would lead to a local address', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /APPLICATION_HOST.*adresse locale/u,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        APPLICATION_HOST: 'https://mdso.exemple.fr',
        FRONTEND_APPLICATION_HOST: 'http://127.0.0.1:3001',
      }),
    ).toThrow(/FRONTEND_APPLICATION_HOST/u);
    const config = loadConfig({
      NODE_ENV: 'production',
      APPLICATION_HOST: 'https://mdso.exemple.fr',
    });
    expect(linkSettings(config).applicationHost).toBe('https://mdso.exemple.fr');
  });
});
