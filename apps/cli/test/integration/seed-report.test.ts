/**
 * The seed district's published table (docs/rules/statistics.md), reproduced end to end: the dataset is imported through
 * `motcua import dossiers` and `motcua report` gives exactly the published numbers for the district
 * and for the communes, including results ready early on the appointment day written in UTC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../server/test/support/databases.ts';
import { seedBrokenReasons, seedDatasetLines, seedPeriod } from '../fixtures/seed-dataset.ts';
import { cliDatabase, motcua, repoRoot, type CliDatabase } from './support.ts';

describe.each(databaseKinds)('the seed district’s table through the command line on %s', (kind) => {
  let target: CliDatabase;
  let args: string[];
  let env: Record<string, string>;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-seed-')), 'giao-thuy-2023.ndjson');
  beforeAll(async () => {
    fs.writeFileSync(file, [...seedDatasetLines()].join('\n') + '\n');
    target = await cliDatabase(kind);
    ({ args, env } = target);
    const setup = await motcua([...args, 'setup', '--bundle', path.join(repoRoot, 'bundles/demo')], { env });
    expect(setup.code, setup.stderr).toBe(0);
  }, 180_000);
  afterAll(async () => target?.close());

  it('imports the good lines and reports every broken one with its number and reason', async () => {
    const result = await motcua([...args, 'import', 'dossiers', '--file', file], { env });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const rejected = lines.filter((l) => l.includes('rejected:'));
    expect(rejected).toHaveLength(seedBrokenReasons.length);
    seedBrokenReasons.forEach((reason, i) => expect(rejected[i]).toMatch(reason));
    expect(rejected[0]).toMatch(/^line 51404: rejected:/);
    expect(lines.at(-1)).toMatch(/^51410 lines: 51403 imported, 0 skipped \(already imported\), 7 rejected/);
  }, 180_000);

  it('gives exactly the published figures for the district', async () => {
    const result = await motcua([...args, 'report', '--from', seedPeriod.from, '--to', seedPeriod.to, '--level', 'district', '--format', 'json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.period).toEqual(seedPeriod);
    expect(report.total).toMatchObject({
      received: 3884, resolved: 3839, resolvedAhead: 3517, resolvedOnTime: 322, resolvedOverdue: 0, digitized: 2670,
      digitizationRate: 0.6874, inProgress: 45, withdrawn: 0, carriedOver: 0,
    });
    expect(report.rows.map((r: { agency: string }) => r.agency)).toEqual(['000.00.12.H40']);
  });

  it('gives exactly the published figures for the communes together, and per commune', async () => {
    const result = await motcua([...args, 'report', '--from', seedPeriod.from, '--to', seedPeriod.to, '--level', 'commune'], { env });
    const report = JSON.parse(result.stdout);
    expect(report.total).toMatchObject({
      received: 47219, resolved: 47149, resolvedAhead: 35998, resolvedOnTime: 11151, resolvedOverdue: 0, digitized: 46166,
      digitizationRate: 0.9777, inProgress: 70,
    });
    expect(report.rows).toHaveLength(3);
    const sum = (key: string) => report.rows.reduce((n: number, r: Record<string, number>) => n + r[key]!, 0);
    for (const key of ['received', 'resolved', 'resolvedAhead', 'resolvedOnTime', 'digitized']) expect(sum(key)).toBe(report.total[key]);
  });

  it('reports a period that is not over as of the server clock (MOTCUA_CLOCK_START): up to that instant, and says so', async () => {
    // At 01/06/2023 00:00 the period so far is 15/12/2022–31/05/2023: the same figures, with `asOf`.
    const asOf = await motcua([...args, 'report', '--from', seedPeriod.from, '--to', seedPeriod.to, '--level', 'district'], {
      env: { ...env, MOTCUA_CLOCK_START: '2023-06-01T00:00:00+07:00' },
    });
    expect(asOf.code, asOf.stderr).toBe(0);
    const report = JSON.parse(asOf.stdout);
    expect(report.period.asOf).toMatch(/^2023-06-01T00:00:0\d(\.\d+)?\+07:00$/);
    const upToMay = JSON.parse((await motcua([...args, 'report', '--from', seedPeriod.from, '--to', '2023-05-31', '--level', 'district'], { env })).stdout);
    expect(upToMay.period.asOf).toBeUndefined();
    expect(report.total).toEqual(upToMay.total);
    expect(report.total.received).toBeLessThan(3884);
  }, 180_000);

  it('imports nothing twice when the same file is run again', async () => {
    const again = await motcua([...args, 'import', 'dossiers', '--file', file, '--json'], { env });
    const summary = JSON.parse(again.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ lines: 51410, imported: 0, skipped: 51403, rejected: 7 });
    const report = JSON.parse((await motcua([...args, 'report', '--from', seedPeriod.from, '--to', seedPeriod.to, '--level', 'district'], { env })).stdout);
    expect(report.total.received).toBe(3884);
  }, 180_000);
});
