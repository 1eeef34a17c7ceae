import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../server/test/support/databases.ts';
import { sql } from 'kysely';
import { openDatabase } from '../../../server/src/db/database.ts';
import { cliDatabase, motcua, repoRoot, type CliDatabase } from './support.ts';

const demo = path.join(repoRoot, 'bundles/demo');
/** Staff accounts of the demo bundle (officers, specialists, leaders, managers, admins, community helpers). */
const demoUsers = (JSON.parse(fs.readFileSync(path.join(demo, 'users.json'), 'utf8')) as unknown[]).length;
/** Agencies of the demo bundle (a province, its departments and police, a district with its office and communes, the merged communes). */
const demoAgencies = (JSON.parse(fs.readFileSync(path.join(demo, 'agencies.json'), 'utf8')) as unknown[]).length;

/** A copy of the demo bundle with some files replaced. */
function bundleWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bundle-'));
  for (const f of fs.readdirSync(demo)) fs.copyFileSync(path.join(demo, f), path.join(dir, f));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const agencies = (extra: unknown[]) => JSON.stringify([
  { code: 'P', name: 'Tỉnh thử', level: 'province', parentCode: null },
  { code: 'C1', name: 'Xã một', level: 'commune', parentCode: 'P' },
  ...extra,
], null, 2);

describe.each(databaseKinds)('motcua setup on %s', (kind) => {
  let target: CliDatabase;
  let args: string[];
  let env: Record<string, string>;
  beforeAll(async () => {
    target = await cliDatabase(kind);
    ({ args, env } = target);
  });
  afterAll(async () => target?.close());

  const setup = (dir: string) => motcua([...args, 'setup', '--bundle', dir, '--json'], { env });
  /** What the database holds, read directly (the CLI has exited, so the embedded one is free). */
  const snapshot = async () => {
    const handle = target.server ? await openDatabase({ databaseUrl: target.server.url! }) : await openDatabase({ dataDir: target.dataDir! });
    try {
      const q = handle.db;
      return {
        agencies: (await q.selectFrom('agencies').select(['code', 'name', 'parent_id', 'path']).orderBy('code').execute()),
        versions: (await q.selectFrom('procedure_versions').select(['procedure_code', 'version', 'content_hash']).orderBy('procedure_code').orderBy('version').execute()),
        holidays: (await sql<{ year: number }>`SELECT year, days_off::text AS d, working_days::text AS w FROM holiday_schedules ORDER BY year`.execute(q)).rows,
        users: (await q.selectFrom('users').select('username').orderBy('username').execute()),
      };
    } finally {
      await handle.close();
    }
  };

  it('loads the demo bundle, then loading it again changes nothing', async () => {
    const first = await setup(demo);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      agencies: { created: demoAgencies }, users: { created: demoUsers }, procedures: { created: 30 }, holidays: { created: 4 }, searchTerms: { outcome: 'loaded' },
    });
    const again = JSON.parse((await setup(demo)).stdout);
    expect(again).toMatchObject({
      agencies: { created: 0, updated: 0, unchanged: demoAgencies },
      users: { created: 0, unchanged: demoUsers },
      procedures: { created: 0, amended: 0, unchanged: 30 },
      holidays: { created: 0, updated: 0, unchanged: 4 },
      searchTerms: { outcome: 'unchanged' },
    });
  });

  it.each([
    ['an unknown parent', { 'agencies.json': agencies([{ code: 'C2', name: 'Xã hai', level: 'commune', parentCode: 'NOWHERE' }]) }, /agencies\.json:\d+ \[2\]\.parentCode: unknown parent "NOWHERE"/],
    ['a cycle', { 'agencies.json': agencies([{ code: 'A', name: 'A', level: 'x', parentCode: 'B' }, { code: 'B', name: 'B', level: 'x', parentCode: 'A' }]) }, /cycle in the agency tree: A → B → A/],
    ['a duplicate code', { 'agencies.json': agencies([{ code: 'C1', name: 'Xã một lần nữa', level: 'commune', parentCode: 'P' }]) }, /agencies\.json:\d+ \[2\]\.code: duplicate code "C1"/],
    ['malformed JSON', { 'agencies.json': '[\n  { "code": "P", "name": "x", }\n]' }, /agencies\.json:2:\d+: malformed JSON/],
    ['a holiday both off and worked', { 'holidays.json': JSON.stringify({ years: { '2031': { daysOff: ['2031-01-01'], workingDays: ['2031-01-01'] } } }) }, /holidays\.json.*years\.2031/],
    ['a search phrase given two meanings', {
      'search-terms.json': JSON.stringify({ synonyms: [{ phrase: 'GPXD', means: ['giấy phép xây dựng'] }, { phrase: 'gpxd', means: ['xây dựng'] }] }, null, 2),
    }, /search-terms\.json:\d+ synonyms\[1\]\.phrase: "gpxd" is already at synonyms\[0\]/],
    ['step budgets that do not add up', {
      'procedures.json': JSON.stringify([{
        code: 'T.1', name: 'Thủ tục thử', field: 'Thử', levels: ['commune'], processingTime: { value: 5, unit: 'working_days' },
        components: [], fullyOnline: false,
        workflow: [{ key: 'a', name: 'Tiếp nhận', role: 'officer', budget: { value: 1, unit: 'working_days' } }, { key: 'b', name: 'Xử lý', role: 'specialist', budget: { value: 3, unit: 'working_days' } }],
      }], null, 2),
    }, /procedures\.json:\d+ \[0\]\.workflow.*32 working hours.*40 working hours/],
    ['an unknown agency for a staff member', { 'users.json': JSON.stringify([{ username: 'ai.do', fullName: 'Ai Đó', password: 'mat-khau-dai', roles: [{ role: 'officer', agency: 'NOPE' }] }], null, 2) }, /users\.json:\d+ \[0\]\.roles\[0\]\.agency: unknown agency "NOPE"/],
  ])('refuses a bundle with %s, with a precise message, and changes nothing', async (_label, files, message) => {
    const before = await snapshot();
    const result = await setup(bundleWith(files as Record<string, string>));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was changed/);
    expect(result.stderr).toMatch(message);
    const after = await snapshot();
    expect(before.agencies.length).toBe(demoAgencies);
    expect(before.versions.length).toBe(30);
    expect(after).toEqual(before);
  });
});
