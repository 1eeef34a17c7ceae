/** Runs the real `motcua` command as a separate process, as outside programs do. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKind } from '../../../server/src/db/database.ts';
import { clockEnvironment } from '../../../server/test/support/clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const bin = path.join(repoRoot, 'apps/cli/bin/motcua.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function motcua(args: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, DATABASE_URL: '', ...clockEnvironment(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * The database a command runs against in a test: a fresh PostgreSQL database (`--database-url`)
 * or a fresh embedded one (`DATA_DIR`).
 */
export interface CliDatabase {
  args: string[];
  env: Record<string, string>;
  /** The server database, for reading it back (postgres only). */
  server: TestDatabase | undefined;
  dataDir: string | undefined;
  close(): Promise<void>;
}

export async function cliDatabase(kind: DatabaseKind): Promise<CliDatabase> {
  if (kind === 'postgres') {
    const server = await createTestDatabase('postgres');
    return { args: ['--database-url', server.url!], env: {}, server, dataDir: undefined, close: () => server.close() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
  return { args: [], env: { DATA_DIR: dataDir }, server: undefined, dataDir, close: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
