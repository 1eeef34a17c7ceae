/**
 * "Overdue" is one rule (docs/rules/time.md, "Overdue as of now"): the list's flag, its `due=overdue`
 * and `due=soon` filters, the dossier's page, the public page and the workspace's counts say the
 * same at the same instant, and agree with the domain's `timelinessAt` on random histories.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockStoppedStatuses, localDateOf, reportingPeriod, timelinessAt, type DossierStatus, type Timeliness, type TimelinessFacts,
} from '@motcua/domain';
import { backfill } from '../../src/db/migrations/0012_dossier_overdue_from.ts';
import { rebuild } from '../../src/db/migrations/0015_report_stopped_clock.ts';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);

interface ListItem { id: number; code: string; overdue: boolean; timeliness: Timeliness }
interface Detail {
  id: number; code: string; status: DossierStatus; dueAt: string | null; receivedAt: string | null; resultAt: string | null; withdrawnAt: string | null;
  clock: { state: string; dueAt: string | null; overdue: boolean; timeliness: Timeliness };
  timeline: Array<{ action: string; at: string }>;
}

describe.each(databaseKinds)('timeliness: one rule at one instant on %s', (kind) => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let leader: Agent;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', PUBLIC_LOOKUP_RATE_LIMIT: '100000' } });
    officer = await t.signIn('canbo.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
  });
  afterAll(async () => t?.close());

  const receive = async () => {
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', // 5 working days
      applicant: { name: 'Lê Văn Đức', idNumber: '036085001111', phone: '0987654321' },
      components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  };
  const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as Detail;
  };
  const listed = async (code: string, due?: 'overdue' | 'soon') => {
    const res = await officer.get(`/api/v1/dossiers?view=all&q=${encodeURIComponent(code)}${due ? `&due=${due}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: ListItem[] }).items;
  };
  const detail = async (id: number) => {
    const res = await officer.get(`/api/v1/dossiers/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const publicPage = async (code: string) => {
    const res = await t.anonymous().get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { clock: Detail['clock'] };
  };

  /** What the list, its two filters, the dossier's page and the public page say of one dossier now. */
  async function whatEveryoneSays(d: { id: number; code: string }) {
    const [items, overdue, soon, page, pub] = await Promise.all([
      listed(d.code), listed(d.code, 'overdue'), listed(d.code, 'soon'), detail(d.id), publicPage(d.code),
    ]);
    expect(items).toHaveLength(1);
    return {
      listFlag: items[0]!.overdue, listTimeliness: items[0]!.timeliness,
      inOverdueFilter: overdue.length === 1, inSoonFilter: soon.length === 1,
      page, pageTimeliness: page.clock.timeliness, pageOverdue: page.clock.overdue, publicTimeliness: pub.clock.timeliness,
    };
  }

  it('the issue\'s case: withdrawn before its appointment and listed after it is closed, not overdue, everywhere', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const d = await receive();
    now += 2 * HOUR;
    await act(officer, d.id, 'withdraw');
    now = at(d.dueAt!) + 3 * DAY;
    const says = await whatEveryoneSays(d);
    expect(says).toMatchObject({
      listFlag: false, listTimeliness: 'closed', inOverdueFilter: false, inSoonFilter: false,
      pageTimeliness: 'closed', pageOverdue: false, publicTimeliness: 'closed',
    });
  });

  it('a clock stopped before the appointment is not overdue while it waits; stopped after it, it is', async () => {
    now = at('2025-03-03T09:00:00+07:00');
    const early = await receive();
    await act(officer, early.id, 'transfer');
    now += DAY;
    await act(leader, early.id, 'request_supplement', { reasons: ['Thiếu bản sao giấy khai sinh'] });
    const late = await receive();
    await act(officer, late.id, 'transfer');
    now = at(late.dueAt!) + HOUR;
    await act(leader, late.id, 'pause', { note: 'Chờ xác minh' });
    now += 5 * DAY;
    expect(await whatEveryoneSays(early)).toMatchObject({
      listFlag: false, listTimeliness: 'in_progress_on_time', inOverdueFilter: false, pageTimeliness: 'in_progress_on_time',
    });
    expect(await whatEveryoneSays(late)).toMatchObject({
      listFlag: true, listTimeliness: 'in_progress_overdue', inOverdueFilter: true, pageTimeliness: 'in_progress_overdue', pageOverdue: true,
    });
  });

  it('imported history follows the same rule: withdrawn, stopped before and after its recorded appointment', async () => {
    const base = {
      procedure: '1.000894', agency: '000.41.00.H40', channel: 'counter', digitized: true,
      applicant: { kind: 'citizen', name: 'Lương Thị Xuân', idNumber: '036190004444' },
      receivedAt: '2024-10-01T09:00:00+07:00', dueAt: '2024-10-08T17:00:00+07:00',
    };
    const lines = [
      { ...base, code: '000.41.00.H40-241001-7001', events: [{ type: 'withdrawn', at: '2024-10-03T09:00:00+07:00' }] },
      { ...base, code: '000.41.00.H40-241001-7002', events: [{ type: 'supplement_requested', at: '2024-10-04T09:00:00+07:00', reasons: ['Thiếu giấy tờ'] }] },
      { ...base, code: '000.41.00.H40-241001-7003', events: [{ type: 'paused', at: '2024-10-09T09:00:00+07:00' }] },
      { ...base, code: '000.41.00.H40-241001-7004', events: [] },
      { ...base, code: '000.41.00.H40-241001-7005', events: [{ type: 'resolved', at: '2024-10-09T09:00:00+07:00' }, { type: 'withdrawn', at: '2024-10-10T09:00:00+07:00' }] },
    ];
    async function* linesOf() { yield* lines.map((l) => JSON.stringify(l)); }
    expect(await importDossiers(t.database, linesOf())).toMatchObject({ imported: 5, rejected: 0 });
    now = at('2024-10-20T09:00:00+07:00');
    officer = await t.signIn('canbo.giaothuy');
    const expected = ['closed', 'in_progress_on_time', 'in_progress_overdue', 'in_progress_overdue', 'resolved_overdue'];
    for (const [i, l] of lines.entries()) {
      const id = (await listed(l.code))[0]!.id;
      const says = await whatEveryoneSays({ id, code: l.code });
      expect({ code: l.code, list: says.listTimeliness, page: says.pageTimeliness, filter: says.inOverdueFilter })
        .toEqual({ code: l.code, list: expected[i], page: expected[i], filter: expected[i] === 'in_progress_overdue' });
      expect(domainSays(says.page, now)).toBe(expected[i]);
    }
  });

  /** The domain's function on the facts the dossier's page shows (the running stop read from its timeline). */
  function domainSays(page: Detail, instant: number): Timeliness {
    const ms = (s: string | null) => (s === null ? null : Date.parse(s));
    const stop = clockStoppedStatuses.has(page.status)
      ? [...page.timeline].reverse().find((e) => e.action === 'request_supplement' || e.action === 'pause')
      : undefined;
    const facts: TimelinessFacts = {
      status: page.status, receivedAt: ms(page.receivedAt), resultAt: ms(page.resultAt), withdrawnAt: ms(page.withdrawnAt),
      dueAt: ms(page.clock.dueAt), clockStoppedAt: stop ? Date.parse(stop.at) : null,
    };
    return timelinessAt(facts, instant);
  }

  /** The workspace's counts (ConsoleHome): the inbox's totals with `due=overdue` and `due=soon`. */
  async function inboxCounts(agent: Agent) {
    const total = async (due: string) => ((await agent.get(`/api/v1/dossiers?view=inbox&due=${due}&limit=1`)).json() as { total: number }).total;
    const items = (await agent.get('/api/v1/dossiers?view=inbox&limit=200')).json() as { items: ListItem[]; total: number };
    expect(items.total).toBeLessThanOrEqual(200);
    return {
      overdue: await total('overdue'), soon: await total('soon'),
      flagged: items.items.filter((i) => i.overdue).length, soonByClass: items.items.filter((i) => i.timeliness === 'due_soon').length,
    };
  }

  /**
   * The domain's class at `instant` of every dossier of the commune (000.41.00.H40, the officer's
   * inbox and the leader's report scope), from the facts their rows hold.
   */
  async function domainClassesOfCommune(instant: number): Promise<Array<{ code: string; class: Timeliness }>> {
    const rows = await t.database.db
      .selectFrom('dossiers as d').innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .select(['d.code', 'd.status', 'd.received_at', 'd.result_at', 'd.withdrawn_at', 'd.clock_due_at', 'd.clock_stopped_at'])
      .where('a.code', '=', '000.41.00.H40').execute();
    const ms = (d: Date | null) => d?.getTime() ?? null;
    return rows.map((r) => ({
      code: r.code,
      class: timelinessAt({
        status: r.status as DossierStatus, receivedAt: ms(r.received_at), resultAt: ms(r.result_at), withdrawnAt: ms(r.withdrawn_at),
        dueAt: ms(r.clock_due_at), clockStoppedAt: ms(r.clock_stopped_at),
      }, instant),
    }));
  }

  /** The codes the officer's list gives with `due=overdue` (every page). */
  async function inboxOverdueCodes(): Promise<string[]> {
    const codes: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const res = await officer.get(`/api/v1/dossiers?view=all&due=overdue&limit=200&offset=${offset}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: ListItem[]; total: number };
      codes.push(...page.items.map((i) => i.code));
      if (offset + 200 >= page.total) return codes.sort();
    }
  }

  /**
   * The report as of now (the injected clock) on the month and the year that contain `instant`:
   * its in-progress figures, and the codes behind its `inProgressOverdue` (drill-down).
   */
  async function reportAsOfNow(instant: number) {
    const [y, m] = localDateOf(instant).split('-').map(Number) as [number, number];
    const out = [];
    for (const period of [reportingPeriod('month', y, m), reportingPeriod('year', y)]) {
      const q = `from=${period.from}&to=${period.to}&agency=000.41.00.H40`;
      const res = await leader.get(`/api/v1/reports/statistics?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { period: { asOf?: string }; total: { inProgressOverdue: number; inProgressOnTime: number } };
      const behind = await leader.get(`/api/v1/reports/dossiers?${q}&key=inProgressOverdue&limit=500`);
      expect(behind.statusCode, behind.body).toBe(200);
      const drill = behind.json() as { total: number; items: Array<{ code: string }> };
      expect(drill.total).toBeLessThanOrEqual(500);
      out.push({
        period: `${period.from}..${period.to}`, asOf: body.period.asOf === undefined ? null : Date.parse(body.period.asOf),
        overdue: body.total.inProgressOverdue, onTime: body.total.inProgressOnTime, overdueCodes: drill.items.map((i) => i.code).sort(),
      });
    }
    return out;
  }

  type Step = { action: string; after: number };
  // What may follow each status, repeated to weigh the choice towards stopped clocks and results.
  const nextActions: Partial<Record<DossierStatus, string[]>> = {
    received: ['transfer', 'transfer', 'transfer', 'transfer', 'withdraw'],
    processing: ['request_supplement', 'request_supplement', 'request_supplement', 'pause', 'pause', 'pause', 'resolve', 'resolve', 'reject', 'withdraw'],
    supplement_requested: ['receive_supplement', 'receive_supplement', 'withdraw'],
    paused: ['resume', 'resume', 'withdraw'],
    resolved: ['return_result'],
    rejected: ['return_result'],
  };
  const bodies: Record<string, Record<string, unknown>> = {
    request_supplement: { reasons: ['Thiếu giấy tờ'] }, pause: { note: 'Chờ xác minh' }, reject: { reasons: ['Không đủ điều kiện'] },
  };
  const agentFor = (action: string) => (['transfer', 'withdraw', 'receive_supplement', 'return_result'].includes(action) ? officer : leader);

  it('for random histories and instants, the list, its filters, the pages, the counts, the report and the domain agree', async () => {
    // Time only moves on from run to run (a report as of an instant knows nothing of what happens
    // after it: no dossier may have an event after the instant looked at). A run moves it by at most
    // 27 days; both sessions are used in every run, so their sliding 30 days never run out.
    let cursor = at('2025-06-02T08:00:00+07:00');
    now = cursor;
    officer = await t.signIn('canbo.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ pick: fc.nat(), after: fc.noBias(fc.integer({ min: 1, max: 100 })) }), { maxLength: 5 }),
        fc.noBias(fc.integer({ min: 0, max: 5 * 24 })),
        fc.integer({ min: 0, max: 9 * 60 }),
        async (steps, lookAfterHours, startMinutes) => {
          // Every run starts where the previous one stopped: the dossiers of earlier runs stay in
          // the inbox, each with its own history, all of it before now.
          now = cursor + startMinutes * 60_000;
          cursor = now;
          let d = await receive();
          const done: Step[] = [];
          for (const s of steps) {
            const options = nextActions[d.status];
            if (!options) break;
            const action = options[s.pick % options.length]!;
            now += s.after * HOUR;
            cursor = now;
            d = await act(agentFor(action), d.id, action, bodies[action] ?? {});
            done.push({ action, after: s.after });
          }
          now += lookAfterHours * HOUR;
          cursor = now;
          const says = await whatEveryoneSays(d);
          const expected = domainSays(says.page, now);
          const context = JSON.stringify({ done, lookAfterHours, expected, says: { ...says, page: undefined } });
          expect(says.listTimeliness, context).toBe(expected);
          expect(says.pageTimeliness, context).toBe(expected);
          expect(says.publicTimeliness, context).toBe(expected);
          expect(says.listFlag, context).toBe(expected === 'in_progress_overdue');
          expect(says.pageOverdue, context).toBe(expected === 'in_progress_overdue');
          expect(says.inOverdueFilter, context).toBe(expected === 'in_progress_overdue');
          expect(says.inSoonFilter, context).toBe(expected === 'due_soon');

          // The workspace's counts are the filters' totals over the same inbox: they agree with its flags.
          for (const agent of [officer, leader]) {
            const counts = await inboxCounts(agent);
            expect(counts.overdue, context).toBe(counts.flagged);
            expect(counts.soon, context).toBe(counts.soonByClass);
          }

          // The report as of this instant, on the month and on the year: in progress on time and
          // overdue are the domain's classes counted over the commune, and the dossiers behind its
          // "overdue" are exactly the inbox's `due=overdue`.
          // A report counts what happened strictly before its end instant, the domain's class at an
          // instant what happened up to it: look a second after the last event (which may be now).
          now += 1000;
          cursor = now;
          const classes = await domainClassesOfCommune(now);
          const count = (...cs: Timeliness[]) => classes.filter((c) => cs.includes(c.class)).length;
          const inboxOverdue = await inboxOverdueCodes();
          expect(inboxOverdue, context).toEqual(classes.filter((c) => c.class === 'in_progress_overdue').map((c) => c.code).sort());
          for (const r of await reportAsOfNow(now)) {
            expect({ ...r, overdueCodes: undefined }, `${r.period} ${context}`).toEqual({
              period: r.period, asOf: now, overdue: count('in_progress_overdue'), onTime: count('in_progress_on_time', 'due_soon'), overdueCodes: undefined,
            });
            expect(r.overdueCodes, `${r.period} ${context}`).toEqual(inboxOverdue);
          }
        },
      ),
      { numRuns: 50 },
    );
  }, 240_000);

  it('the migration\'s backfill of overdue_from gives what the use cases stored', async () => {
    const db = t.database.db;
    const stored = await db.selectFrom('dossiers').select(['id', 'status', 'clock_stopped_at', 'overdue_from']).orderBy('id').execute();
    expect(stored.some((r) => r.overdue_from !== null) && stored.some((r) => r.clock_stopped_at !== null)).toBe(true);
    await db.updateTable('dossiers').set({ clock_stopped_at: null, overdue_from: null }).execute();
    await backfill(db as never);
    const again = await db.selectFrom('dossiers').select(['id', 'status', 'clock_stopped_at', 'overdue_from']).orderBy('id').execute();
    expect(again).toEqual(stored);
  });

  it('the migration\'s rebuild of the report aggregates gives what the triggers kept up to date', async () => {
    const db = t.database.db;
    const read = async () => {
      const out: Record<string, string[]> = {};
      for (const table of ['report_daily', 'report_monthly'] as const) {
        const rows = await sql<Record<string, unknown>>`
          SELECT agency_id, field, procedure_code, channel, day::text AS day, received, digitized, resolved_ahead, resolved_on_time,
                 resolved_overdue, withdrawn, due, due_closed
            FROM ${sql.table(table)}
           WHERE received <> 0 OR digitized <> 0 OR resolved_ahead <> 0 OR resolved_on_time <> 0 OR resolved_overdue <> 0
              OR withdrawn <> 0 OR due <> 0 OR due_closed <> 0`.execute(db);
        out[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
      }
      return out;
    };
    const kept = await read();
    expect(kept.report_daily!.length).toBeGreaterThan(10);
    await rebuild(db as never);
    expect(await read()).toEqual(kept);
  });
});
