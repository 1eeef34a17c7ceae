/**
 * The tests' "now". Unset, it is the real time. `MOTCUA_TEST_NOW` (an ISO instant with its offset,
 * e.g. `2026-12-07T00:20:00+07:00`) runs every tier at a chosen hour: the clock starts at that
 * instant when this module loads and advances in real time. The in-process apps
 * (`startTestApp`), the e2e server (as `MOTCUA_CLOCK_START`) and the e2e browsers (Playwright's
 * clock) all take their time from here, so a test that passes at one hour can be run at another.
 * A test that needs a particular instant passes its own `clock` to `startTestApp` instead.
 */
import { clockStartingAt, systemClock, type Clock } from '../../src/deps.ts';

const given = process.env.MOTCUA_TEST_NOW?.trim() || undefined;

function parse(text: string): Date {
  // An offset is required: a bare local time would mean different instants in different places.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new Error(`MOTCUA_TEST_NOW must be an ISO instant with its offset, e.g. 2026-12-07T00:20:00+07:00; got "${text}"`);
  }
  return new Date(text);
}

/** The instant MOTCUA_TEST_NOW set, or undefined when tests run at the real time. */
export const testClockStart: Date | undefined = given === undefined ? undefined : parse(given);

/** The tests' clock: MOTCUA_TEST_NOW advancing in real time, else the system clock. */
export const testClock: Clock = testClockStart ? clockStartingAt(testClockStart) : systemClock;

/** Now, by the tests' clock. */
export const testNow = (): Date => testClock();

/**
 * The environment that gives a child process (the e2e server, the `motcua` command) the tests'
 * clock: MOTCUA_CLOCK_START at the tests' now. It lags by the child's start-up time (a second or
 * a few). Empty when tests run at the real time.
 */
export function clockEnvironment(): Record<string, string> {
  return testClockStart ? { MOTCUA_CLOCK_START: testNow().toISOString() } : {};
}
