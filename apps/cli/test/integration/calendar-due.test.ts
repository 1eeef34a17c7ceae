import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../server/test/support/databases.ts';
import { cliDatabase, motcua, repoRoot, type CliDatabase } from './support.ts';

const vectors = path.join(repoRoot, 'packages/domain/test/vectors/deadlines.jsonl');
const extra = path.join(repoRoot, 'packages/domain/test/vectors/deadlines-extra.jsonl');

describe.each(databaseKinds)('motcua calendar due on %s', (kind) => {
  let target: CliDatabase;
  let args: string[];
  let env: Record<string, string>;
  beforeAll(async () => {
    target = await cliDatabase(kind);
    ({ args, env } = target);
  });
  afterAll(async () => target?.close());

  it.each([['the shared vectors', vectors], ['our own vectors', extra]])('prints the expected appointment for every line of %s', async (_label, file) => {
    const result = await motcua([...args, 'calendar', 'due', '--input', file], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const printed = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(printed).toHaveLength(expected.length);
    printed.forEach((line, i) => {
      expect(line.name).toBe(expected[i].name);
      expect(Date.parse(line.dueAt), `${line.name}: ${line.dueAt} vs ${expected[i].expectedDueAt}`).toBe(Date.parse(expected[i].expectedDueAt));
      expect(line.dueAt).toMatch(/\+07:00$/);
    });
  });

  it('reports a bad line with its number and goes on with the rest', async () => {
    const input = [
      '{"name":"ok","receivedAt":"2024-03-12T10:00:00+07:00","duration":{"value":1,"unit":"working_days"}}',
      '{"name":"no offset","receivedAt":"2024-03-12T10:00:00","duration":{"value":1,"unit":"working_days"}}',
      'not json',
      '{"name":"bad unit","receivedAt":"2024-03-12T10:00:00+07:00","duration":{"value":1,"unit":"weeks"}}',
      '{"name":"ok again","receivedAt":"2024-03-12T10:00:00+07:00","duration":{"value":2,"unit":"working_days"}}',
    ].join('\n');
    const result = await motcua([...args, 'calendar', 'due', '--input', '-'], { env, stdin: input });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ name: 'ok', dueAt: '2024-03-13T10:00:00+07:00' });
    expect(lines[1]).toMatchObject({ name: 'no offset', line: 2 });
    expect(lines[1].error).toMatch(/offset/i);
    expect(lines[2]).toMatchObject({ line: 3, error: expect.stringMatching(/malformed JSON/) });
    expect(lines[3]).toMatchObject({ line: 4, error: expect.stringMatching(/duration\.unit/) });
    expect(lines[4]).toEqual({ name: 'ok again', dueAt: '2024-03-14T10:00:00+07:00' });
    expect(result.stderr).toMatch(/3 line\(s\) could not be computed/);
  });
});
