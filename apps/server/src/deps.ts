/**
 * What use cases receive: explicit dependencies, wired once in main.ts. Tests build their own.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';

/** The current instant. Injected so that tests can fix time; the domain never reads the clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface Deps {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
}
