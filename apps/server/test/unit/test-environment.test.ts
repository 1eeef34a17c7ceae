/**
 * What `npm test` runs on (scripts/test-env): tools found on the PATH or named in one line, and
 * the databases a run covers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../scripts/test-env/postgres.mjs';
import { findTool, missingLine, toolPath } from '../../../../scripts/test-env/tools.mjs';

describe('the tests’ tool locator', () => {
  const saved = process.env.PATH;
  afterEach(() => {
    process.env.PATH = saved;
  });

  it('finds a tool on the PATH, and names the package to install in one line when the PATH lacks it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-tools-'));
    try {
      fs.writeFileSync(path.join(dir, 'zbarimg'), '#!/bin/sh\necho 0.23\n', { mode: 0o755 });
      process.env.PATH = dir;
      expect(findTool('zbarimg')?.path).toBe(path.join(dir, 'zbarimg'));
      expect(findTool('pdftotext')).toBeUndefined();
      expect(() => toolPath('pdftotext')).toThrow(/^missing pdftotext: install poppler-utils \(Debian\/Ubuntu: apt-get install poppler-utils;/);
      const line = missingLine(['pdftotext', 'pdftoppm', 'zbarimg', 'chromium']);
      expect(line).not.toContain('\n');
      expect(line).toContain('apt-get install poppler-utils zbar-tools chromium');
      expect(line).toContain('@sparticuz/chromium');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the integration tests on both databases under CI, and lets a developer narrow them elsewhere', () => {
    expect(databaseKinds({})).toEqual(['pglite', 'postgres']);
    expect(databaseKinds({ MOTCUA_TEST_DATABASES: 'pglite' })).toEqual(['pglite']);
    expect(() => databaseKinds({ MOTCUA_TEST_DATABASES: 'pglite', CI: 'true' })).toThrow(/CI runs every test on PGlite and on PostgreSQL/);
    expect(databaseKinds({ MOTCUA_TEST_DATABASES: 'postgres,pglite', CI: 'true' })).toEqual(['postgres', 'pglite']);
  });
});
