// Types of postgres.mjs (plain JavaScript so that scripts run by Node alone can use it).
export const defaultServerUrl: string;
export function databaseKinds(env?: Record<string, string | undefined>): Array<'pglite' | 'postgres'>;
export function safeUrl(url: string): string;
export function probeServer(url: string, timeoutMs?: number): Promise<{ version?: string; error?: string }>;
export interface ServerDatabase {
  url: string;
  version: string;
  /** Where it comes from: the given URL, or the embedded server with its port. */
  source: string;
  /** Why the given URL was not used, when it was not. */
  note?: string;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(): Promise<ServerDatabase>;
export function serverDatabaseForTests(given?: string): Promise<ServerDatabase>;
