import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

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
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('gives the listening server an idle timeout and a request timeout that fits the largest upload on a slow uplink', () => {
    expect(loadConfig({}).server).toEqual({ idleTimeoutMs: 30_000, requestTimeoutMs: 320_000 });
    expect(loadConfig({ MAX_UPLOAD_MB: '1' }).server.requestTimeoutMs).toBe(60_000);
    expect(loadConfig({ SERVER_IDLE_TIMEOUT_SECONDS: '0.5', SERVER_REQUEST_TIMEOUT_SECONDS: '90' }).server).toEqual({ idleTimeoutMs: 500, requestTimeoutMs: 90_000 });
  });
});
