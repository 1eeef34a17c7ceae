import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { developmentKeyPassphrase, loadConfig } from '../../../src/config.ts';

describe('signing configuration', () => {
  it('uses the bundled development TSA with demo data and no TSA_URL, none without demo data, and TSA_URL when given', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://motcua.example' }).signing.timestamp).toEqual({ url: 'https://motcua.example/dev-tsa', devAuthority: true });
    expect(loadConfig({ NODE_ENV: 'production' }).signing.timestamp).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production', TSA_URL: 'https://tsa.example.vn/tsr' }).signing.timestamp).toEqual({ url: 'https://tsa.example.vn/tsr', devAuthority: false });
  });

  it('has a development key passphrase outside production only, and requires one in production when demo data makes keys', () => {
    expect(loadConfig({}).signing.keyPassphrase).toBe(developmentKeyPassphrase);
    expect(loadConfig({ NODE_ENV: 'production' }).signing).toMatchObject({ keyPassphrase: undefined, developmentKeys: false });
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toThrow(/SIGNING_KEY_PASSPHRASE: required in production/);
    expect(() => loadConfig({ SIGNING_KEY_PASSPHRASE: 'short' })).toThrow(/SIGNING_KEY_PASSPHRASE: at least 12 characters/);
  });

  it('reads SIGNING_TRUST_ROOTS as a path list', () => {
    const roots = loadConfig({ SIGNING_TRUST_ROOTS: `/etc/a.pem${path.delimiter}relative/b.pem, /etc/c.pem` }).signing.trustRootFiles;
    expect(roots).toEqual(['/etc/a.pem', path.resolve('relative/b.pem'), '/etc/c.pem']);
  });
});
