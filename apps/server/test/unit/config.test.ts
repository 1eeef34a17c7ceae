import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { clockStartingAt, configuredClock, systemClock } from '../../src/deps.ts';

describe('configuration', () => {
  it('starts with safe development defaults on a bare machine', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.demoData).toBe(true);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('stops with the full list of bad values, not just the first', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'production', LOGIN_MAX_FAILURES: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL: must start with postgres/m);
      expect(problems).toMatch(/^LOGIN_MAX_FAILURES:/m);
    }
  });

  it('turns demo data off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true', SIGNING_KEY_PASSPHRASE: 'a-long-enough-passphrase' }).demoData).toBe(true);
  });

  it('gives the listening server an idle timeout and a request timeout that fits the largest upload on a slow uplink', () => {
    expect(loadConfig({}).server).toEqual({ idleTimeoutMs: 30_000, requestTimeoutMs: 320_000 });
    expect(loadConfig({ MAX_UPLOAD_MB: '1' }).server.requestTimeoutMs).toBe(60_000);
    expect(loadConfig({ SERVER_IDLE_TIMEOUT_SECONDS: '0.5', SERVER_REQUEST_TIMEOUT_SECONDS: '90' }).server).toEqual({ idleTimeoutMs: 500, requestTimeoutMs: 90_000 });
  });

  it('starts the clock at MOTCUA_CLOCK_START, which then advances in real time', () => {
    const config = loadConfig({ MOTCUA_CLOCK_START: '2026-12-07T00:20:00+07:00' });
    expect(config.clockStart?.toISOString()).toBe('2026-12-06T17:20:00.000Z');
    let wall = Date.parse('2030-01-01T00:00:00Z');
    const clock = clockStartingAt(config.clockStart!, () => new Date(wall));
    expect(clock().toISOString()).toBe('2026-12-06T17:20:00.000Z');
    wall += 90_000;
    expect(clock().toISOString()).toBe('2026-12-06T17:21:30.000Z');
    expect(configuredClock(loadConfig({}))).toBe(systemClock);
  });

  it('refuses a shifted clock in production and an instant without its offset', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MOTCUA_CLOCK_START: '2026-12-07T00:20:00+07:00' })).toThrow(/MOTCUA_CLOCK_START: refused in production/);
    expect(() => loadConfig({ MOTCUA_CLOCK_START: '2026-12-07 00:20' })).toThrow(/MOTCUA_CLOCK_START/);
  });
});

describe('citizens’ e-ID provider configuration', () => {
  it('uses the configured provider when all three OIDC variables are set', () => {
    const config = loadConfig({ OIDC_ISSUER: 'https://id.example.vn/', OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: 's3cret' });
    expect(config.citizenSignIn).toEqual({ issuer: 'https://id.example.vn', clientId: 'motcua', clientSecret: 's3cret', devProvider: false });
  });

  it('falls back to the bundled development provider in demo mode, and to none without demo data', () => {
    expect(loadConfig({ PORT: '3310' }).citizenSignIn).toMatchObject({ issuer: 'http://localhost:3310/dev-idp', clientId: 'motcua-portal', devProvider: true });
    expect(loadConfig({ NODE_ENV: 'production' }).citizenSignIn).toBeUndefined();
  });

  it('refuses a partial configuration, naming what is missing', () => {
    try {
      loadConfig({ OIDC_ISSUER: 'https://id.example.vn', OIDC_CLIENT_ID: 'motcua' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/^OIDC_CLIENT_SECRET: required with OIDC_ISSUER, OIDC_CLIENT_ID/m);
    }
  });

  it('refuses a plain-HTTP provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'http://id.example.vn', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toThrow(/OIDC_ISSUER: must be https/);
  });
});
