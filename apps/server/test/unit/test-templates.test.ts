/**
 * The key of the migrated templates the test databases are copied from (test/support/templates.ts):
 * it changes with any module the migrator reaches, and only with those.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { templateKey } from '../support/templates.ts';

describe('the migrated templates’ key', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A migrator importing a list of migrations, one of which imports a helper; and a file nobody imports. */
  function sources(): { dir: string; write(name: string, text: string): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-template-key-'));
    dirs.push(dir);
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    };
    write('migrate.ts', "import { Migrator } from 'kysely';\nimport { migrations } from './migrations/index.ts';\n");
    write('migrations/index.ts', "import * as m1 from './0001_a.ts';\nexport const migrations = { m1 };\n");
    write('migrations/0001_a.ts', "import { sql, type Kysely } from 'kysely';\nimport { columns } from '../columns.ts';\nexport const up = columns;\n");
    write('columns.ts', "export const columns = ['a'];\n");
    write('unrelated.ts', "export const x = 1;\n");
    return { dir, write };
  }

  it('is the same for the same sources and changes when a migration or a module it imports changes', () => {
    const { dir, write } = sources();
    const entry = path.join(dir, 'migrate.ts');
    const first = templateKey(entry);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(templateKey(entry)).toBe(first);

    write('unrelated.ts', 'export const x = 2;\n');
    expect(templateKey(entry), 'a module the migrator does not reach').toBe(first);

    write('migrations/0001_a.ts', "import { sql, type Kysely } from 'kysely';\nimport { columns } from '../columns.ts';\nexport const up = [columns];\n");
    const second = templateKey(entry);
    expect(second, 'a migration').not.toBe(first);

    write('columns.ts', "export const columns = ['a', 'b'];\n");
    expect(templateKey(entry), 'a module a migration imports').not.toBe(second);
  });

  it('is the real migrator’s by default', () => {
    const migrator = path.resolve(import.meta.dirname, '../../src/db/migrate.ts');
    expect(templateKey()).toBe(templateKey(migrator));
  });
});
