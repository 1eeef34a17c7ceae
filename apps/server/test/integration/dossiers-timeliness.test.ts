/**
 * "Overdue" is one rule (docs/rules/time.md, "Overdue as of now"): the list's flag, its `due=overdue`
 * and `due=soon` filters, the dossier's page, the public page and the workspace's counts say the
 * same at the same instant, and agree with the domain's `timelinessAt` on random histories.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockStoppedStatuses, localDateOf, timelinessAt, type DossierStatus, type Timeliness, type TimelinessFacts,
} from '@motcua/domain';
import { backfill } from '../../src/db/migrations/0012_dossier_overdue_from.ts';
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
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
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
   * The report's word on one dossier at the report's instant, from its drill-down (`inProgressOverdue`
   * or `inProgressOnTime` for the period ending on the local date of `instant`), or null when the
   * dossier is not in progress there.
   *
   * TODO(report as of now): once the report of a period that is not over is made as of now (its end
   * instant is the instant of the request, not the next midnight), and counts a clock stopped before
   * the appointment as on time (the stored `overdue_from`), compare it for every dossier: drop the
   * two exclusions in the property below.
   */
  async function reportSays(code: string, instant: number): Promise<'in_progress_overdue' | 'in_progress_on_time' | null> {
    const base = `/api/v1/reports/dossiers?from=2024-12-01&to=${localDateOf(instant)}&limit=500`;
    for (const key of ['inProgressOverdue', 'inProgressOnTime'] as const) {
      const res = await leader.get(`${base}&key=${key}`);
      expect(res.statusCode, res.body).toBe(200);
      if ((res.json() as { items: Array<{ code: string }> }).items.some((i) => i.code === code)) {
        return key === 'inProgressOverdue' ? 'in_progress_overdue' : 'in_progress_on_time';
      }
    }
    return null;
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

  it('for random histories and instants, the list, its filters, the pages, the counts and the domain agree', async () => {
    now = at('2025-06-02T08:00:00+07:00');
    officer = await t.signIn('canbo.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ pick: fc.nat(), after: fc.noBias(fc.integer({ min: 1, max: 100 })) }), { maxLength: 5 }),
        fc.noBias(fc.integer({ min: 0, max: 5 * 24 })),
        fc.integer({ min: 0, max: 9 * 60 }),
        async (steps, lookAfterHours, startMinutes) => {
          // Every run starts on the same day (the sessions signed in above last 30 days): the
          // dossiers of earlier runs stay in the inbox, each with its own history.
          now = at('2025-06-02T08:00:00+07:00') + startMinutes * 60_000;
          let d = await receive();
          const done: Step[] = [];
          for (const s of steps) {
            const options = nextActions[d.status];
            if (!options) break;
            const action = options[s.pick % options.length]!;
            now += s.after * HOUR;
            d = await act(agentFor(action), d.id, action, bodies[action] ?? {});
            done.push({ action, after: s.after });
          }
          now += lookAfterHours * HOUR;
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

          // The report, where its semantics are already the same (see reportSays).
          const inProgress = expected === 'in_progress_on_time' || expected === 'due_soon' || expected === 'in_progress_overdue';
          const stopped = clockStoppedStatuses.has(says.page.status);
          const dueAt = says.page.clock.dueAt === null ? null : Date.parse(says.page.clock.dueAt);
          const nextMidnight = Date.parse(`${localDateOf(now + DAY)}T00:00:00+07:00`);
          if (inProgress && !stopped && dueAt !== null && !(dueAt >= now && dueAt < nextMidnight)) {
            expect(await reportSays(d.code, now), context).toBe(expected === 'due_soon' ? 'in_progress_on_time' : expected);
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
});
