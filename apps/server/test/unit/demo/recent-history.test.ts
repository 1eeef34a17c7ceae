/**
 * The demo's recent history is a history that could have happened: events in time order, and
 * nothing but the hand-over after a result (a supplement received after the return made returned
 * dossiers show as "processing" in the inbox).
 */
import { describe, expect, it } from 'vitest';
import { parseInstant } from '@motcua/domain';
import { recentDemoLines } from '../../../src/demo/recent-history.ts';

describe('recent demo history', () => {
  it.each(['2026-12-07T00:20:00+07:00', '2026-12-11T16:59:00+07:00', '2027-02-05T16:59:00+07:00'])('is in time order and ends with the result, made at %s', (at) => {
    const now = parseInstant(at);
    let lines = 0;
    for (const line of recentDemoLines(now)) {
      const d = JSON.parse(line) as { code: string; receivedAt: string; events: Array<{ type: string; at: string }> };
      const times = d.events.map((e) => parseInstant(e.at));
      expect(times, d.code).toEqual([...times].sort((a, b) => a - b));
      const result = d.events.findIndex((e) => e.type === 'resolved');
      if (result >= 0) expect(d.events.slice(result + 1).map((e) => e.type), d.code).toEqual(d.events.slice(result + 1).length ? ['returned'] : []);
      lines++;
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it.each(['2026-12-07T00:20:00+07:00', '2026-12-08T02:07:00+07:00', '2026-12-11T16:59:00+07:00'])('receives and resolves within working hours on weekdays, made at %s', (at) => {
    const now = parseInstant(at);
    const outside: string[] = [];
    for (const line of recentDemoLines(now)) {
      const d = JSON.parse(line) as { code: string; receivedAt: string; events: Array<{ type: string; at: string }> };
      for (const [what, instant] of [['received', d.receivedAt], ...d.events.map((e) => [e.type, e.at])] as Array<[string, string]>) {
        const local = new Date(parseInstant(instant) + 7 * 3_600_000);
        const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
        const working = ![0, 6].includes(local.getUTCDay()) && ((minutes >= 480 && minutes < 720) || (minutes >= 780 && minutes < 1020));
        if (!working) outside.push(`${d.code} ${what} ${instant}`);
        expect(parseInstant(instant), `${d.code} ${what}`).toBeLessThan(now);
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
  });
});
