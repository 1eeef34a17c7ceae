/**
 * A staff member of commune A (Giao Thủy) cannot read or change anything of commune B (Giao Minh),
 * for every API route that exists. A new route fails this test until it has a case here.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { demoIdentity } from '../../src/demo/citizens.ts';
import { appendFeeEntry } from '../../src/modules/payments/fee-ledger.repository.ts';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';

const communeA = '000.41.00.H40';
/** The applicant of commune B's dossier, signed in with the e-ID (not one of the demo's citizens). */
const bApplicant = () => ({
  ...demoIdentity('036192005678', 'http://id.test.invalid'), subject: 'vneid-036080009999', personalId: '036080009999', fullName: 'Trần Văn Bình',
});
const communeB = '000.42.00.H40';

interface Ctx {
  t: TestApp;
  /** Staff of commune A in every role, including an administrator of commune A. */
  a: Record<'officer' | 'specialist' | 'leader' | 'admin', Agent>;
  bAgencyId: string;
  bUserId: string;
  /** A dossier received at commune B, with a scan attached. */
  bDossier: { id: number; code: string };
  bFileId: string;
  /** The stored document (data store) that dossier's receipt gave its applicant, 036080009999. */
  bApplicantDocument: string;
  /** A signed result of that dossier (docs/rules/results.md), its file being the dossier's scan. */
  bSignedDocument: string;
}

/** The applicant of commune B's dossier, signed in with the e-ID, and another citizen (Nguyễn Văn An of the demo). */
async function bCitizens(ctx: Ctx): Promise<{ owner: Agent; other: Agent }> {
  const owner = await ctx.t.signInCitizen({
    issuer: 'http://id.test.invalid', subject: 'vneid-036080009999', kind: 'citizen', fullName: 'Trần Văn Bình', personalId: '036080009999',
    birthDate: '1980-01-01', gender: 'male', address: null, phone: null, email: null, eidLevel: 2, organizationName: null, taxCode: null,
  });
  return { owner, other: await ctx.t.signInCitizen('036090001234') };
}

/** Documents of commune B's registers (document office): a draft and an incoming one routed to a unit; made once. */
const bDocumentsMade = new WeakMap<Ctx, Promise<{ draft: string; incoming: string; unitId: string }>>();
function bDocuments(ctx: Ctx): Promise<{ draft: string; incoming: string; unitId: string }> {
  const made = bDocumentsMade.get(ctx) ?? (async () => {
    const upload = async (agent: Agent) => {
      const file = multipartFile('van-ban.pdf', samplePdf, 'application/pdf');
      return (await agent.request('POST', '/api/v1/files', file.payload, file.headers)).json().id as string;
    };
    const unit = await ctx.t.database.db.selectFrom('units').select('id').where('agency_id', '=', ctx.bAgencyId).executeTakeFirstOrThrow();
    const bSpecialist = await ctx.t.signIn('chuyenvien.giaominh');
    const draft = await bSpecialist.post('/api/v1/documents/outgoing', { agencyId: ctx.bAgencyId, type: 'quyet_dinh', summary: 'Quyết định của xã B', fileId: await upload(bSpecialist) });
    expect(draft.statusCode, draft.body).toBe(201);
    const bOfficer = await ctx.t.signIn('canbo.giaominh');
    const incoming = await bOfficer.post('/api/v1/documents/incoming', {
      agencyId: ctx.bAgencyId, type: 'cong_van', summary: 'Công văn đến xã B', issuingBody: 'UBND tỉnh', fileId: await upload(bOfficer), route: { unitId: unit.id },
    });
    expect(incoming.statusCode, incoming.body).toBe(201);
    return { draft: draft.json().id, incoming: incoming.json().id, unitId: unit.id };
  })();
  bDocumentsMade.set(ctx, made);
  return made;
}

/** A failed message to the applicant of commune B's dossier (notifications console); made once. */
const bMessageMade = new WeakMap<Ctx, Promise<number>>();
function bMessage(ctx: Ctx): Promise<number> {
  const made = bMessageMade.get(ctx) ?? (async () => {
    const row = await ctx.t.database.db.insertInto('notifications').values({
      kind: 'dossier_received', channel: 'sms', recipient_kind: 'applicant', destination: '0987654321', locale: 'vi', dossier_id: ctx.bDossier.id,
      variables: JSON.stringify({ code: ctx.bDossier.code }), status: 'failed', last_error: 'refused', next_attempt_at: new Date(), created_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  })();
  bMessageMade.set(ctx, made);
  return made;
}

/** A feedback sent to commune B by its applicant signed in with the e-ID, consenting to publication, assigned there; made once. */
const bFeedbackMade = new WeakMap<Ctx, Promise<{ id: string; code: string; securityCode: string }>>();
function bFeedback(ctx: Ctx): Promise<{ id: string; code: string; securityCode: string }> {
  const made = bFeedbackMade.get(ctx) ?? (async () => {
    const { owner } = await bCitizens(ctx);
    const sent = await owner.post('/api/v1/public/feedback', {
      title: 'Phản ánh riêng của xã B', content: 'Nội dung riêng của người gửi', agency: communeB, sender: { name: 'Trần Văn Bình', phone: '0987654321' }, publish: true,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const row = await ctx.t.database.db.selectFrom('feedback').select('id').where('code', '=', sent.json().code).executeTakeFirstOrThrow();
    const bOfficer = await ctx.t.signIn('canbo.giaominh');
    expect((await bOfficer.post(`/api/v1/feedback/${row.id}/actions`, { action: 'assign' })).statusCode).toBe(200);
    return { id: row.id, code: sent.json().code as string, securityCode: sent.json().securityCode as string };
  })();
  bFeedbackMade.set(ctx, made);
  return made;
}

/**
 * A low rating of another dossier of commune B, with its alert (modules/ratings), written as the
 * rating's transaction writes them; made once.
 */
const bAlertMade = new WeakMap<Ctx, Promise<{ id: number; code: string }>>();
function bAlert(ctx: Ctx): Promise<{ id: number; code: string }> {
  const made = bAlertMade.get(ctx) ?? (async () => {
    const bOfficer = await ctx.t.signIn('canbo.giaominh');
    const res = await bOfficer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Hà Thị Cúc' }, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    await ctx.t.database.db.insertInto('dossier_ratings').values({ dossier_id: id, score: 1, comment: 'Chờ quá lâu', ip: null, proof: 'token' }).execute();
    await ctx.t.database.db.insertInto('rating_alerts').values({ dossier_id: id, agency_id: ctx.bAgencyId, score: 1, raised_at: new Date() }).execute();
    return { id, code };
  })();
  bAlertMade.set(ctx, made);
  return made;
}

/**
 * An open satisfaction survey of commune B alone (docs/rules/service-quality.md), designed by the
 * province's manager, with one invitation: a dossier of commune B closed in March 2025; made once.
 */
const bSurveyMade = new WeakMap<Ctx, Promise<{ id: string; invitationId: number }>>();
function bSurvey(ctx: Ctx): Promise<{ id: string; invitationId: number }> {
  const made = bSurveyMade.get(ctx) ?? (async () => {
    async function* lines() {
      yield JSON.stringify({
        code: 'KS-B-0001', procedure: '1.000894', agency: communeB, channel: 'counter', applicant: { kind: 'citizen', name: 'Trần Văn Bình', phone: '0987654321' },
        receivedAt: '2025-03-03T09:00:00+07:00', dueAt: '2025-03-10T17:00:00+07:00', digitized: true, events: [{ type: 'resolved', at: '2025-03-07T10:00:00+07:00' }],
      });
    }
    expect((await importDossiers(ctx.t.database, lines())).rejected).toBe(0);
    const manager = await ctx.t.signIn('quanly.tinh');
    const created = await manager.post('/api/v1/surveys', {
      title: 'Khảo sát xã Giao Minh', period: { kind: 'custom', from: '2025-03-01', to: '2025-03-31' }, agencies: [communeB],
      questionnaire: { questions: [{ key: 'overall', kind: 'scale5', required: true, text: { vi: 'Đánh giá chung' } }] }, sampling: { mode: 'size', size: 10 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await manager.post(`/api/v1/surveys/${id}/actions`, { action: 'open' })).statusCode).toBe(200);
    const invitation = await ctx.t.database.db.selectFrom('survey_invitations').select('id').where('survey_id', '=', id).executeTakeFirstOrThrow();
    return { id, invitationId: Number(invitation.id) };
  })();
  bSurveyMade.set(ctx, made);
  return made;
}

/** Every role of commune A gets 403 (no role for the route) or 404 (commune B's survey is not theirs) on `call`. */
async function surveyOutOfReach(ctx: Ctx, call: (agent: Agent, survey: { id: string; invitationId: number }) => Promise<{ statusCode: number; body: string }>) {
  const survey = await bSurvey(ctx);
  for (const [role, agent] of Object.entries(ctx.a)) {
    const res = await call(agent, survey);
    expect([403, 404], `${role}: ${res.body}`).toContain(res.statusCode);
    expect(res.body).not.toContain('Giao Minh');
  }
  return survey;
}
/**
 * Commune B's reform plan (docs/rules/reform-plans.md), made by the province's manager: a task
 * led by one of B's units, its progress with an evidence file, and a second task done; made once.
 */
const bReformMade = new WeakMap<Ctx, Promise<{ plan: string; task: string; done: string; evidence: string; unitId: string }>>();
function bReform(ctx: Ctx): Promise<{ plan: string; task: string; done: string; evidence: string; unitId: string }> {
  const made = bReformMade.get(ctx) ?? (async () => {
    const province = await ctx.t.signIn('quanly.tinh');
    const unit = await ctx.t.database.db.selectFrom('units').select('id').where('agency_id', '=', ctx.bAgencyId).executeTakeFirstOrThrow();
    const plan = await province.post('/api/v1/reform-plans', { agencyId: ctx.bAgencyId, year: 2026, title: 'Kế hoạch cải cách hành chính của xã B' });
    expect(plan.statusCode, plan.body).toBe(201);
    const task = async (title: string) => {
      const res = await province.post(`/api/v1/reform-plans/${plan.json().id}/tasks`, { area: 'procedures', title, expectedResult: 'R', deadline: '2026-12-31', lead: { kind: 'unit', id: unit.id } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [open, done] = [await task('Nhiệm vụ của xã B'), await task('Nhiệm vụ đã xong của xã B')];
    const file = multipartFile('minh-chung.pdf', samplePdf, 'application/pdf');
    const evidence = (await province.request('POST', '/api/v1/files', file.payload, file.headers)).json().id as string;
    expect((await province.post(`/api/v1/reform-tasks/${open}/progress`, { percent: 10, reportedOn: '2026-01-02', fileIds: [evidence] })).statusCode).toBe(200);
    expect((await province.post(`/api/v1/reform-tasks/${done}/completion`, { completedOn: '2026-01-02', result: 'Xong' })).statusCode).toBe(200);
    return { plan: plan.json().id, task: open, done, evidence, unitId: unit.id };
  })();
  bReformMade.set(ctx, made);
  return made;
}

/** Reform plan routes: every commune A agent is told commune B's plan and tasks do not exist, and nothing of them changes. */
const reformUnchanged = async (ctx: Ctx) => {
  const { plan, task, done } = await bReform(ctx);
  const p = await ctx.t.database.db.selectFrom('reform_plans').select(['title', 'document_number']).where('id', '=', plan).executeTakeFirstOrThrow();
  expect(p).toEqual({ title: 'Kế hoạch cải cách hành chính của xã B', document_number: null });
  const tasks = await ctx.t.database.db.selectFrom('reform_tasks').select(['id', 'deadline', 'completed_on']).where('plan_id', '=', plan).execute();
  expect(tasks).toHaveLength(2);
  expect(tasks.find((x) => x.id === done)!.completed_on).not.toBeNull();
  const updates = await ctx.t.database.db.selectFrom('reform_task_updates').select('kind').where('task_id', 'in', [task, done]).orderBy('id').execute();
  expect(updates.map((u) => u.kind)).toEqual(['progress', 'completion']);
};

type Case = { scoped: true; check: (ctx: Ctx) => Promise<void> } | { scoped: false; why: string };

const matrix: Record<string, Case> = {
  'GET /api/v1/auth/csrf': { scoped: false, why: 'issues a CSRF token; no agency data' },
  'POST /api/v1/auth/login': { scoped: false, why: 'sign-in; answers only the caller’s own profile' },
  'GET /api/v1/auth/me': { scoped: false, why: 'the caller’s own profile' },
  'POST /api/v1/auth/logout': { scoped: false, why: 'ends the caller’s own session' },
  'GET /api/v1/auth/citizen/me': { scoped: false, why: 'the signed-in citizen’s own identity' },
  'GET /api/v1/citizen/dossiers': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const codes = async (agent: Agent) => (await agent.get('/api/v1/citizen/dossiers')).json().items.map((i: { code: string }) => i.code);
      expect(await codes(owner)).toContain(ctx.bDossier.code);
      expect(await codes(other)).not.toContain(ctx.bDossier.code);
      for (const agent of Object.values(ctx.a)) expect((await agent.get('/api/v1/citizen/dossiers')).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/dossiers/:code': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}`;
      expect((await owner.get(url)).statusCode).toBe(200);
      expect((await other.get(url)).statusCode).toBe(404);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
    },
  },
  'POST /api/v1/citizen/dossiers/:code/payments': {
    scoped: true,
    check: async (ctx) => {
      const { other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/payments`;
      expect((await other.post(url, {})).statusCode).toBe(404);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(url, {})).statusCode).toBe(401);
      expect(await ctx.t.database.db.selectFrom('payment_orders').select('id').where('dossier_id', '=', ctx.bDossier.id).execute()).toEqual([]);
    },
  },
  'POST /api/v1/citizen/dossiers/:code/actions': {
    scoped: true,
    check: async (ctx) => {
      const { other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/actions`;
      expect((await other.post(url, { action: 'withdraw' })).statusCode).toBe(404);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(url, { action: 'withdraw' })).statusCode).toBe(401);
      const row = await ctx.t.database.db.selectFrom('dossiers').select('status').where('id', '=', ctx.bDossier.id).executeTakeFirstOrThrow();
      expect(row.status).not.toBe('withdrawn');
    },
  },
  'POST /api/v1/citizen/dossiers/:code/rating': {
    scoped: true,
    check: async (ctx) => {
      const { other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/rating`;
      expect((await other.post(url, { score: 1 })).statusCode).toBe(404);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(url, { score: 1 })).statusCode).toBe(401);
      expect(await ctx.t.database.db.selectFrom('dossier_ratings').select('score').where('dossier_id', '=', ctx.bDossier.id).execute()).toEqual([]);
    },
  },
  'GET /api/v1/citizen/dossiers/:code/files/:fileId': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/files/${ctx.bFileId}`;
      expect((await owner.get(url)).statusCode).toBe(200);
      const res = await other.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('dossier.not_found');
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
      expect((await ctx.t.anonymous().get(url)).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/dossiers/:code/declaration.pdf': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/declaration.pdf`;
      // Commune B's dossier has no e-form declaration: its owner is told so, anyone else that there is no such dossier.
      expect((await owner.get(url)).json().code).toBe('declaration.not_found');
      expect((await other.get(url)).json().code).toBe('dossier.not_found');
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
      expect((await ctx.t.anonymous().get(url)).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/dossiers/:code/receipt.pdf': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/receipt.pdf`;
      expect((await owner.get(url)).statusCode).toBe(200);
      expect((await other.get(url)).json().code).toBe('dossier.not_found');
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
      expect((await ctx.t.anonymous().get(url)).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/dossiers/:code/fees': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/fees`;
      expect((await owner.get(url)).statusCode).toBe(200);
      expect((await other.get(url)).json().code).toBe('dossier.not_found');
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
      expect((await ctx.t.anonymous().get(url)).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/dossiers/:code/fees/receipts/:entryId.pdf': {
    scoped: true,
    check: async (ctx) => {
      const { owner, other } = await bCitizens(ctx);
      const url = `/api/v1/citizen/dossiers/${encodeURIComponent(ctx.bDossier.code)}/fees/receipts/00000000-0000-4000-8000-000000000000.pdf`;
      // No payment on commune B's dossier: its owner is told there is no such receipt, anyone else that there is no such dossier.
      expect((await owner.get(url)).json().code).toBe('fee.receipt_not_found');
      expect((await other.get(url)).json().code).toBe('dossier.not_found');
      for (const agent of Object.values(ctx.a)) expect((await agent.get(url)).statusCode).toBe(401);
    },
  },
  'POST /api/v1/auth/citizen/logout': { scoped: false, why: 'ends the citizen’s own session' },
  'GET /api/v1/auth/citizen/login': { scoped: false, why: 'starts an e-ID sign-in: a redirect to the provider, no data' },
  'GET /api/v1/auth/citizen/callback': { scoped: false, why: 'the e-ID provider’s answer; opens a session only for the browser that started the sign-in (citizen-oidc tests)' },
  'GET /api/v1/agencies': {
    scoped: true,
    check: async ({ a }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get('/api/v1/agencies?limit=500');
        expect(res.statusCode).toBe(200);
        const codes = res.json().items.map((i: { code: string }) => i.code);
        expect(codes).toContain(communeA);
        expect(codes).not.toContain(communeB);
      }
    },
  },
  'GET /api/v1/agencies/:id': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/agencies/${bAgencyId}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Giao Minh');
      }
    },
  },
  'GET /api/v1/users': {
    scoped: true,
    check: async ({ a }) => {
      const res = await a.admin.get('/api/v1/users?limit=500');
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((u: { username: string }) => u.username);
      expect(names).toContain('canbo.giaothuy');
      expect(names).not.toContain('canbo.giaominh');
      for (const role of ['officer', 'specialist', 'leader'] as const) expect((await a[role].get('/api/v1/users')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/users/:id': {
    scoped: true,
    check: async ({ a, bUserId }) => {
      expect((await a.admin.get(`/api/v1/users/${bUserId}`)).statusCode).toBe(404);
      expect((await a.officer.get(`/api/v1/users/${bUserId}`)).statusCode).toBe(403);
    },
  },
  'POST /api/v1/users': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const res = await a.admin.post('/api/v1/users', {
        username: 'intruder.giaominh', fullName: 'Không được tạo', password: 'a-long-password-1',
        assignments: [{ role: 'officer', agencyId: bAgencyId }],
      });
      expect(res.statusCode).toBe(403);
      const created = await t.database.db.selectFrom('users').select('id').where('username', '=', 'intruder.giaominh').executeTakeFirst();
      expect(created).toBeUndefined();
    },
  },
  'PATCH /api/v1/users/:id': {
    scoped: true,
    check: async ({ t, a, bUserId }) => {
      expect((await a.admin.request('PATCH', `/api/v1/users/${bUserId}`, { disabled: true, fullName: 'Đổi tên trái phép' })).statusCode).toBe(404);
      expect((await a.officer.request('PATCH', `/api/v1/users/${bUserId}`, { disabled: true })).statusCode).toBe(403);
      const b = await t.database.db.selectFrom('users').select(['full_name', 'disabled']).where('id', '=', bUserId).executeTakeFirstOrThrow();
      expect(b).toEqual({ full_name: 'Lê Thị Hoa', disabled: false });
    },
  },
  'PUT /api/v1/users/:id/assignments': {
    scoped: true,
    check: async ({ t, a, bUserId, bAgencyId }) => {
      const aAgencyId = await t.agencyId(communeA);
      expect((await a.admin.request('PUT', `/api/v1/users/${bUserId}/assignments`, { assignments: [{ role: 'officer', agencyId: aAgencyId }] })).statusCode).toBe(404);
      expect((await a.officer.request('PUT', `/api/v1/users/${bUserId}/assignments`, { assignments: [{ role: 'officer', agencyId: aAgencyId }] })).statusCode).toBe(403);
      const roles = await t.database.db.selectFrom('role_assignments').select(['role', 'agency_id']).where('user_id', '=', bUserId).execute();
      expect(roles).toEqual([{ role: 'officer', agency_id: bAgencyId }]);
    },
  },
  'POST /api/v1/users/:id/password': {
    scoped: true,
    check: async ({ t, a, bUserId }) => {
      expect((await a.admin.post(`/api/v1/users/${bUserId}/password`, { password: 'Mat-khau-trai-phep' })).statusCode).toBe(404);
      expect((await a.officer.post(`/api/v1/users/${bUserId}/password`, { password: 'Mat-khau-trai-phep' })).statusCode).toBe(403);
      expect((await t.signIn('canbo.giaominh')).csrfToken).toBeDefined();
    },
  },
  'GET /api/v1/audit-events': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      const res = await a.admin.get('/api/v1/audit-events?limit=500');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ agencyId: string; actorName: string }>;
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((e) => e.agencyId === bAgencyId)).toBe(false);
      // Province-wide events (bundle loads, yearly schedules) are not a commune administrator's.
      expect(items.some((e) => e.agencyId === null)).toBe(false);
      expect((await a.officer.get('/api/v1/audit-events')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/public/procedures': { scoped: false, why: 'the public catalogue of procedures (docs/interfaces.md): published to everyone' },
  'GET /api/v1/public/procedures/:code': { scoped: false, why: 'a published procedure and its version history' },
  'GET /api/v1/public/procedure-changes': { scoped: false, why: 'the published list of catalogue changes' },
  'GET /api/v1/public/procedure-fields': { scoped: false, why: 'fields of the published catalogue, with counts' },
  'POST /api/v1/procedures': {
    scoped: true,
    check: async ({ t, a }) => {
      const entry = (code: string, agencies?: string[]) => ({
        code, name: 'Thủ tục thử quyền', field: 'Hộ tịch', levels: ['commune'], processingTime: { value: 3, unit: 'working_days' },
        components: [], fullyOnline: false, ...(agencies ? { agencies } : {}),
      });
      // Commune A's administrator may not publish for commune B, nor for every commune.
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.B', [communeB]))).statusCode).toBe(403);
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.ALL'))).statusCode).toBe(403);
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.AB', [communeA, communeB]))).statusCode).toBe(403);
      for (const role of ['officer', 'specialist', 'leader'] as const) {
        expect((await a[role].post('/api/v1/procedures', entry('AUTHZ.A', [communeA]))).statusCode).toBe(403);
      }
      const created = await t.database.db.selectFrom('procedures').select('code').where('code', 'like', 'AUTHZ.%').execute();
      expect(created).toEqual([]);
      // Its own commune it may.
      expect((await a.admin.post('/api/v1/procedures', entry('AUTHZ.A', [communeA]))).statusCode).toBe(201);
    },
  },
  'POST /api/v1/dossiers': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const res = await a.officer.post('/api/v1/dossiers', {
        procedureCode: '1.000894', agencyId: bAgencyId, applicant: { name: 'Không được nhận' },
        components: [{ index: 0, received: true }],
      });
      expect(res.statusCode).toBe(403);
      const atB = await t.database.db.selectFrom('dossiers').select('code').where('agency_id', '=', bAgencyId).execute();
      expect(atB).toHaveLength(1);
    },
  },
  'POST /api/v1/dossiers/assisted': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.post('/api/v1/dossiers/assisted', {
          procedureCode: '1.000894', agencyId: bAgencyId, applicant: { name: 'Không được chuẩn bị', idNumber: '036080009998', phone: '0912000000' },
          components: [],
        });
        expect(res.statusCode).toBe(403);
      }
      const atB = await t.database.db.selectFrom('dossiers').select('code').where('agency_id', '=', bAgencyId).execute();
      expect(atB).toHaveLength(1);
    },
  },
  'POST /api/v1/dossiers/:id/assisted/resend-code': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      const helper = await t.signIn('hotro.giaothuy');
      for (const agent of [...Object.values(a), helper]) {
        const res = await agent.post(`/api/v1/dossiers/${bDossier.id}/assisted/resend-code`, {});
        expect([403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain('Trần Văn Bình');
      }
      expect(await t.database.db.selectFrom('dossier_confirmation_codes').select('id').where('dossier_id', '=', bDossier.id).execute()).toEqual([]);
    },
  },
  'GET /api/v1/dossiers': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        for (const view of ['inbox', 'all']) {
          const res = await agent.get(`/api/v1/dossiers?view=${view}&limit=200`);
          expect(res.statusCode).toBe(200);
          expect(res.json().items.map((i: { code: string }) => i.code)).not.toContain(bDossier.code);
        }
        const search = await agent.get(`/api/v1/dossiers?view=all&q=${encodeURIComponent(bDossier.code)}`);
        expect(search.json().total).toBe(0);
      }
    },
  },
  'GET /api/v1/dossiers/:id': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/dossiers/${bDossier.id}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Giao Minh');
      }
    },
  },
  'GET /api/v1/dossiers/by-code/:code': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/dossiers/by-code/${bDossier.code}`)).statusCode).toBe(404);
    },
  },
  'POST /api/v1/dossiers/:id/actions': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      for (const [role, action] of [['officer', 'transfer'], ['officer', 'withdraw'], ['leader', 'pause'], ['specialist', 'forward']] as const) {
        const res = await a[role].post(`/api/v1/dossiers/${bDossier.id}/actions`, { action, note: 'x', reasons: ['x'] });
        expect(res.statusCode, `${role} ${action}`).toBe(404);
      }
      const events = await t.database.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', bDossier.id).execute();
      expect(events).toHaveLength(2);
    },
  },
  'GET /api/v1/agencies/:id/staff': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/agencies/${bAgencyId}/staff?role=specialist`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Hoàng Văn Nam');
      }
    },
  },
  'POST /api/v1/agencies': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const res = await a.admin.post('/api/v1/agencies', { code: 'X.UNDER.B', name: 'Thôn thuộc xã B', level: 'village', parentId: bAgencyId });
      expect(res.statusCode).toBe(404);
      expect(await t.database.db.selectFrom('agencies').select('id').where('code', '=', 'X.UNDER.B').executeTakeFirst()).toBeUndefined();
      expect((await a.officer.post('/api/v1/agencies', { code: 'X2', name: 'x', level: 'x', parentId: bAgencyId })).statusCode).toBe(403);
    },
  },
  'PATCH /api/v1/agencies/:id': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      expect((await a.admin.request('PATCH', `/api/v1/agencies/${bAgencyId}`, { name: 'Đổi tên trái phép' })).statusCode).toBe(404);
      const b = await t.database.db.selectFrom('agencies').select('name').where('id', '=', bAgencyId).executeTakeFirstOrThrow();
      expect(b.name).toBe('Ủy ban nhân dân xã Giao Minh');
    },
  },
  'PUT /api/v1/agencies/:id/calendar': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      expect((await a.admin.request('PUT', `/api/v1/agencies/${bAgencyId}/calendar`, { weeklyDaysOff: [0] })).statusCode).toBe(404);
      expect(await t.database.db.selectFrom('agency_calendars').select('agency_id').where('agency_id', '=', bAgencyId).executeTakeFirst()).toBeUndefined();
    },
  },
  'POST /api/v1/agencies/:id/counters': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      expect((await a.admin.post(`/api/v1/agencies/${bAgencyId}/counters`, { code: 'Q9', name: 'Quầy lạ' })).statusCode).toBe(404);
    },
  },
  'POST /api/v1/agencies/:id/units': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      expect((await a.admin.post(`/api/v1/agencies/${bAgencyId}/units`, { code: 'P9', name: 'Phòng lạ' })).statusCode).toBe(404);
    },
  },
  'GET /api/v1/agencies/:id/offices': {
    scoped: true,
    check: async ({ a, bAgencyId }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/agencies/${bAgencyId}/offices`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain('Giao Minh');
      }
    },
  },
  'GET /api/v1/public/agencies': { scoped: false, why: 'the public directory of agencies where dossiers can be filed' },
  'GET /api/v1/dossiers/:id/fees': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/dossiers/${bDossier.id}/fees`)).json().code).toBe('dossier.not_found');
    },
  },
  'POST /api/v1/dossiers/:id/fees/payments': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      for (const agent of Object.values(a)) expect((await agent.post(`/api/v1/dossiers/${bDossier.id}/fees/payments`, { method: 'cash', amount: 1 })).json().code).toBe('dossier.not_found');
      expect(await t.database.db.selectFrom('fee_entries').select('id').where('dossier_id', '=', bDossier.id).execute()).toHaveLength(0);
    },
  },
  'POST /api/v1/dossiers/:id/fees/refunds': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        expect((await agent.post(`/api/v1/dossiers/${bDossier.id}/fees/refunds`, { method: 'cash', amount: 1, reason: 'x' })).json().code).toBe('dossier.not_found');
      }
    },
  },
  'POST /api/v1/dossiers/:id/fees/waivers': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        expect((await agent.post(`/api/v1/dossiers/${bDossier.id}/fees/waivers`, { amount: 1, reason: 'x', legalBasis: 'x' })).json().code).toBe('dossier.not_found');
      }
    },
  },
  'POST /api/v1/dossiers/:id/fees/entries/:entryId/reversal': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      const url = `/api/v1/dossiers/${bDossier.id}/fees/entries/00000000-0000-4000-8000-000000000000/reversal`;
      for (const agent of Object.values(a)) expect((await agent.post(url, { reason: 'x' })).json().code).toBe('dossier.not_found');
    },
  },
  'GET /api/v1/dossiers/:id/fees/receipts/:entryId.pdf': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      const url = `/api/v1/dossiers/${bDossier.id}/fees/receipts/00000000-0000-4000-8000-000000000000.pdf`;
      for (const agent of Object.values(a)) expect((await agent.get(url)).json().code).toBe('dossier.not_found');
    },
  },
  'GET /api/v1/dossiers/:id/forms/:form': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        for (const form of ['01', '06']) expect((await agent.get(`/api/v1/dossiers/${bDossier.id}/forms/${form}`)).statusCode).toBe(404);
      }
    },
  },
  'GET /api/v1/dossiers/:id/forms/signable': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/dossiers/${bDossier.id}/forms/signable`)).statusCode).toBe(404);
    },
  },
  'POST /api/v1/dossiers/:id/forms/:form/sign': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      for (const agent of Object.values(a)) {
        for (const form of ['01', '04']) expect((await agent.post(`/api/v1/dossiers/${bDossier.id}/forms/${form}/sign`, {})).statusCode).toBe(404);
      }
      expect(await t.database.db.selectFrom('signed_documents').select('id').where('dossier_id', '=', bDossier.id).where('kind', '=', 'form').execute()).toEqual([]);
    },
  },
  'GET /api/v1/dossiers/:id/rating-card.pdf': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      const before = await t.database.db.selectFrom('dossier_rating_tokens').select('token_hash').where('dossier_id', '=', bDossier.id).execute();
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/dossiers/${bDossier.id}/rating-card.pdf`)).json().code).toBe('dossier.not_found');
      expect(await t.database.db.selectFrom('dossier_rating_tokens').select('token_hash').where('dossier_id', '=', bDossier.id).execute()).toEqual(before);
    },
  },
  'POST /api/v1/dossiers/:id/rating-invitation': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      const before = await t.database.db.selectFrom('dossier_rating_tokens').select('token_hash').where('dossier_id', '=', bDossier.id).execute();
      for (const agent of Object.values(a)) expect((await agent.post(`/api/v1/dossiers/${bDossier.id}/rating-invitation`, {})).json().code).toBe('dossier.not_found');
      expect(await t.database.db.selectFrom('dossier_rating_tokens').select('token_hash').where('dossier_id', '=', bDossier.id).execute()).toEqual(before);
    },
  },
  'GET /api/v1/dossiers/:id/declaration.pdf': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/dossiers/${bDossier.id}/declaration.pdf`);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('dossier.not_found');
      }
    },
  },
  'GET /api/v1/counters/:id/tracking-book': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const counter = await t.database.db.selectFrom('counters').select('id').where('agency_id', '=', bAgencyId).executeTakeFirstOrThrow();
      for (const agent of Object.values(a)) {
        expect((await agent.get(`/api/v1/counters/${counter.id}/tracking-book?from=2025-01-01&to=2025-12-31`)).statusCode).toBe(404);
      }
    },
  },
  'GET /api/v1/counters/:id/qr-poster': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const counter = await t.database.db.selectFrom('counters').select('id').where('agency_id', '=', bAgencyId).executeTakeFirstOrThrow();
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/counters/${counter.id}/qr-poster`)).statusCode).toBe(404);
    },
  },
  'GET /api/v1/counters/:id/procedures/:code/qr-poster': {
    scoped: true,
    check: async ({ t, a, bAgencyId }) => {
      const counter = await t.database.db.selectFrom('counters').select('id').where('agency_id', '=', bAgencyId).executeTakeFirstOrThrow();
      for (const agent of Object.values(a)) {
        const res = await agent.get(`/api/v1/counters/${counter.id}/procedures/1.000894/qr-poster`);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('counter.not_found');
      }
    },
  },
  'GET /api/v1/reports/statistics': {
    scoped: true,
    check: async ({ a }) => {
      const period = 'from=2020-01-01&to=2030-12-31';
      const res = await a.leader.get(`/api/v1/reports/statistics?${period}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().rows.map((r: { agency: string }) => r.agency)).not.toContain('000.42.00.H40');
      expect(res.json().total.received).toBe(0);
      expect((await a.leader.get(`/api/v1/reports/statistics?${period}&agency=000.42.00.H40`)).statusCode).toBe(404);
      for (const role of ['officer', 'specialist'] as const) expect((await a[role].get(`/api/v1/reports/statistics?${period}`)).statusCode).toBe(403);
    },
  },
  'GET /api/v1/reports/statistics.:format': {
    scoped: true,
    check: async ({ a }) => {
      expect((await a.leader.get('/api/v1/reports/statistics.xlsx?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40')).statusCode).toBe(404);
      expect((await a.officer.get('/api/v1/reports/statistics.pdf?from=2020-01-01&to=2030-12-31')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/reports/statistics/signing': {
    scoped: true,
    check: async ({ a }) => {
      for (const role of ['leader', 'admin'] as const) expect((await a[role].get('/api/v1/reports/statistics/signing?agency=000.42.00.H40')).json()).toEqual({ canSign: false });
      for (const role of ['officer', 'specialist'] as const) expect((await a[role].get('/api/v1/reports/statistics/signing?agency=000.42.00.H40')).statusCode).toBe(403);
      expect((await a.leader.get(`/api/v1/reports/statistics/signing?agency=${communeA}`)).json()).toEqual({ canSign: true });
    },
  },
  'POST /api/v1/reports/statistics/sign': {
    scoped: true,
    check: async ({ t, a }) => {
      expect((await a.leader.post('/api/v1/reports/statistics/sign?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40', {})).statusCode).toBe(404);
      for (const role of ['officer', 'specialist'] as const) {
        expect((await a[role].post(`/api/v1/reports/statistics/sign?from=2020-01-01&to=2030-12-31&agency=${communeA}`, {})).statusCode).toBe(403);
      }
      expect(await t.database.db.selectFrom('signed_documents').select('id').where('kind', '=', 'report').execute()).toEqual([]);
    },
  },
  'GET /api/v1/reports/trend': {
    scoped: true,
    check: async ({ a }) => {
      expect((await a.leader.get('/api/v1/reports/trend?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40')).statusCode).toBe(404);
      const own = (await a.leader.get('/api/v1/reports/trend?from=2020-01-01&to=2030-12-31')).json();
      expect(own.items.reduce((n: number, m: { receivedInPeriod: number }) => n + m.receivedInPeriod, 0)).toBe(0);
    },
  },
  'GET /api/v1/reports/dossiers': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      const res = await a.leader.get('/api/v1/reports/dossiers?from=2020-01-01&to=2030-12-31&key=received');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((d: { code: string }) => d.code)).not.toContain(bDossier.code);
      expect((await a.leader.get('/api/v1/reports/dossiers?from=2020-01-01&to=2030-12-31&key=received&agency=000.42.00.H40')).statusCode).toBe(404);
    },
  },
  'GET /api/v1/reports/fees': {
    scoped: true,
    check: async ({ t, a, bDossier }) => {
      // Commune B's dossier owes and paid 30 000: nobody of commune A sees it.
      await t.database.db.updateTable('dossiers').set({ fee_amount: 30_000 }).where('id', '=', bDossier.id).execute();
      await t.database.db.transaction().execute((tx) =>
        appendFeeEntry(tx, { dossierId: bDossier.id, kind: 'payment', method: 'cash', amount: 30_000, recordedAt: new Date('2026-12-07T09:00:00+07:00') }, { actor: { kind: 'anonymous' }, actorName: 'test' }));
      for (const role of ['officer', 'leader', 'admin'] as const) {
        const res = await a[role].get('/api/v1/reports/fees?from=2020-01-01&to=2030-12-31');
        expect(res.statusCode).toBe(200);
        expect(res.json().rows.map((r: { key: string }) => r.key)).not.toContain('000.42.00.H40');
        expect(res.json().total.collected.total).toBe(0);
        expect((await a[role].get('/api/v1/reports/fees?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40')).statusCode).toBe(404);
      }
      expect((await a.specialist.get('/api/v1/reports/fees?from=2020-01-01&to=2030-12-31')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/reports/fees.xlsx': {
    scoped: true,
    check: async ({ a }) => {
      expect((await a.officer.get('/api/v1/reports/fees.xlsx?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40')).statusCode).toBe(404);
      expect((await a.specialist.get('/api/v1/reports/fees.xlsx?from=2020-01-01&to=2030-12-31')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/service-index': {
    scoped: true,
    check: async ({ a }) => {
      const period = 'from=2020-01-01&to=2030-12-31';
      const res = await a.leader.get(`/api/v1/service-index?${period}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().rows.map((r: { agency: string }) => r.agency)).not.toContain('000.42.00.H40');
      expect(res.json().rows.map((r: { agency: string }) => r.agency)).toContain(communeA);
      expect((await a.leader.get(`/api/v1/service-index?${period}&agency=000.42.00.H40`)).statusCode).toBe(404);
      for (const role of ['officer', 'specialist'] as const) expect((await a[role].get(`/api/v1/service-index?${period}`)).statusCode).toBe(403);
    },
  },
  'GET /api/v1/service-index.:format': {
    scoped: true,
    check: async ({ a }) => {
      expect((await a.leader.get('/api/v1/service-index.xlsx?from=2020-01-01&to=2030-12-31&agency=000.42.00.H40')).statusCode).toBe(404);
      expect((await a.officer.get('/api/v1/service-index.pdf?from=2020-01-01&to=2030-12-31')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/service-index/items': {
    scoped: true,
    check: async ({ a, bDossier }) => {
      const q = 'from=2020-01-01&to=2030-12-31&indicator=digitized&part=denominator&limit=500';
      const res = await a.leader.get(`/api/v1/service-index/items?${q}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { ref: string }) => i.ref)).not.toContain(bDossier.code);
      expect((await a.leader.get(`/api/v1/service-index/items?${q}&agency=000.42.00.H40`)).statusCode).toBe(404);
      expect((await a.specialist.get(`/api/v1/service-index/items?${q}`)).statusCode).toBe(403);
    },
  },
  'GET /api/v1/service-index/versions': { scoped: false, why: 'the weights of the service index are the same for every unit of the installation; no agency data' },
  'POST /api/v1/service-index/versions': {
    scoped: true,
    check: async ({ t, a }) => {
      // Weights rank every unit on one scale: an administrator of commune A may not change them.
      const versions = (await a.admin.get('/api/v1/service-index/versions')).json();
      expect(versions.canManage).toBe(false);
      const res = await a.admin.post('/api/v1/service-index/versions', { indicators: versions.items[0].indicators });
      expect(res.statusCode).toBe(403);
      expect((await a.leader.post('/api/v1/service-index/versions', { indicators: versions.items[0].indicators })).statusCode).toBe(403);
      expect(await t.database.db.selectFrom('service_index_versions').select('number').execute()).toEqual([{ number: 1 }]);
    },
  },
  'POST /api/v1/files': { scoped: false, why: 'an upload belongs to its uploader until a dossier of theirs claims it' },
  'GET /api/v1/files/:id': {
    scoped: true,
    check: async ({ a, bFileId }) => {
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/files/${bFileId}`)).statusCode).toBe(404);
    },
  },
  'POST /api/v1/public/files': { scoped: false, why: 'public upload for online submission; owned through its upload token' },
  'GET /api/v1/public/dossiers/:code': { scoped: false, why: 'the public status page, initials only (docs/interfaces.md)' },
  'POST /api/v1/public/dossiers': { scoped: false, why: 'online submission by citizens' },
  'POST /api/v1/public/dossiers/:code/actions': { scoped: false, why: 'the applicant of an online dossier supplements or withdraws it; owned through the access secret of the receipt, else 403' },
  'GET /api/v1/public/dossiers/:code/preparation': { scoped: false, why: 'what was prepared for the applicant to confirm: procedure, agency, initials and a masked destination only' },
  'POST /api/v1/public/dossiers/:code/confirm': { scoped: false, why: 'the applicant confirms a dossier prepared for them, with the one-time code sent to them or signed in as its applicant; else 401/403' },
  'POST /api/v1/notifications/receipts/:channel': {
    scoped: false,
    why: 'an SMS or chat gateway reports delivery; no session: signed with the channel’s webhook secret, else 401 (notification-receipts test)',
  },
  'POST /api/v1/public/dossiers/:code/rating': { scoped: false, why: 'the applicant rates the service, by dossier code' },
  'POST /api/v1/public/dossiers/:code/rating/check': { scoped: false, why: 'the applicant checks their own proof before rating, by dossier code; nothing written but a refused proof' },
  'POST /api/v1/public/dossiers/:code/payments': { scoped: false, why: 'the applicant starts paying the fee online; owned through the security code of the receipt, else 403 (online-payments test)' },
  'GET /api/v1/payments/orders/:reference': { scoped: false, why: 'a payment’s status for its payer: the dossier’s signed-in citizen or its security code, else 403/404 (online-payments test)' },
  'GET /api/v1/payments/vnpay/ipn': { scoped: false, why: 'the gateway’s notification; no session: signed with the merchant’s hash secret, else answered 97 (online-payments test)' },
  'GET /api/v1/payments/national/ipn': { scoped: false, why: 'the national platform’s notification; no session: its checksum with the shared secret, else answered 97' },
  'POST /api/v1/payments/national/ipn': { scoped: false, why: 'the national platform’s notification; no session: its checksum with the shared secret, else answered 97' },
  'GET /api/v1/payments/vnpay/return': { scoped: false, why: 'the payer’s browser back from the gateway: logged, never applied; only a redirect to the portal' },
  'GET /api/v1/payments/national/return': { scoped: false, why: 'the payer’s browser back from the gateway: logged, never applied; only a redirect to the portal' },
  'GET /api/v1/citizen/documents': {
    scoped: true,
    check: async ({ t, a, bApplicantDocument }) => {
      // The owner sees their document; another citizen sees none of it; staff and anonymous callers are not let in.
      const owner = await t.signInCitizen(bApplicant());
      expect((await owner.get('/api/v1/citizen/documents')).json().items.map((d: { id: string }) => d.id)).toContain(bApplicantDocument);
      const other = await t.signInCitizen('036090001234');
      const res = await other.get('/api/v1/citizen/documents');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((d: { id: string }) => d.id)).not.toContain(bApplicantDocument);
      expect((await a.officer.get('/api/v1/citizen/documents')).statusCode).toBe(401);
      expect((await t.anonymous().get('/api/v1/citizen/documents')).statusCode).toBe(401);
    },
  },
  'GET /api/v1/citizen/documents/:id/file': {
    scoped: true,
    check: async ({ t, a, bApplicantDocument }) => {
      const url = `/api/v1/citizen/documents/${bApplicantDocument}/file`;
      expect((await (await t.signInCitizen(bApplicant())).get(url)).statusCode).toBe(200);
      expect((await (await t.signInCitizen('036090001234')).get(url)).statusCode).toBe(404);
      expect((await a.officer.get(url)).statusCode).toBe(401);
      expect((await t.anonymous().get(url)).statusCode).toBe(401);
    },
  },
  'GET /api/v1/applicant-documents': {
    scoped: true,
    check: async ({ t, a }) => {
      // Officers only (the counter checks the ID card); a citizen's cookie is not a staff session.
      expect((await a.officer.get('/api/v1/applicant-documents?personalId=036080009999')).statusCode).toBe(200);
      for (const role of ['specialist', 'leader', 'admin'] as const) {
        expect((await a[role].get('/api/v1/applicant-documents?personalId=036080009999')).statusCode).toBe(403);
      }
      expect((await (await t.signInCitizen(bApplicant())).get('/api/v1/applicant-documents?personalId=036080009999')).statusCode).toBe(401);
      expect((await t.anonymous().get('/api/v1/applicant-documents?personalId=036080009999')).statusCode).toBe(401);
    },
  },
  'GET /api/v1/public/signed-documents/:id': { scoped: false, why: 'the verification page: issuer, signers’ names, dates, hash; no personal data (docs/rules/results.md)' },
  'POST /api/v1/public/signed-documents/:id/check': { scoped: false, why: 'compares a visitor’s file with a signed document’s hash; nothing stored, nothing personal answered' },
  'GET /api/v1/public/signed-documents/:id/file': {
    scoped: true,
    check: async ({ t, a, bSignedDocument }) => {
      const url = `/api/v1/public/signed-documents/${bSignedDocument}/file`;
      expect((await (await t.signInCitizen(bApplicant())).get(url)).statusCode).toBe(200);
      expect((await (await t.signInCitizen('036090001234')).get(url)).statusCode).toBe(403);
      for (const agent of Object.values(a)) expect((await agent.get(url)).statusCode).toBe(403);
      const anonymous = await t.anonymous().request('GET', url, undefined, { 'x-security-code': 'ABCD-EFGH-JKLM-NPQR' });
      expect(anonymous.statusCode).toBe(403);
    },
  },
  'GET /api/v1/signed-documents/:id/file': {
    scoped: true,
    check: async ({ a, bSignedDocument }) => {
      for (const agent of Object.values(a)) expect((await agent.get(`/api/v1/signed-documents/${bSignedDocument}/file`)).statusCode).toBe(404);
    },
  },
  'GET /api/v1/public/holidays/:year': { scoped: false, why: 'the public calendar of days off' },
  'GET /api/v1/calendar/schedules': { scoped: false, why: 'holiday schedules are national, the same for every agency' },
  'PUT /api/v1/calendar/schedules/:year': {
    scoped: true,
    check: async ({ t, a }) => {
      const res = await a.admin.request('PUT', '/api/v1/calendar/schedules/2031', { daysOff: ['2031-01-01'], workingDays: [] });
      expect(res.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('holiday_schedules').select('year').where('year', '=', 2031).executeTakeFirst()).toBeUndefined();
    },
  },
  'POST /api/v1/public/feedback': { scoped: false, why: 'anyone sends feedback (docs/rules/service-quality.md); answers only the new feedback’s own code, receipt and due instant' },
  'GET /api/v1/public/feedback': { scoped: false, why: 'published answers only, personal data removed and reviewed before publication' },
  'GET /api/v1/public/feedback/:code': {
    scoped: true,
    check: async (ctx) => {
      const { code } = await bFeedback(ctx);
      const { owner, other } = await bCitizens(ctx);
      expect((await owner.get(`/api/v1/public/feedback/${code}`)).json().own).toMatchObject({ title: 'Phản ánh riêng của xã B' });
      for (const agent of [other, ctx.t.anonymous(), ...Object.values(ctx.a)]) {
        const res = await agent.get(`/api/v1/public/feedback/${code}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().own).toBeNull();
        expect(res.body).not.toContain('riêng');
        expect(res.body).not.toContain('0987654321');
      }
    },
  },
  'POST /api/v1/public/feedback/:code/view': {
    scoped: true,
    check: async (ctx) => {
      const { code } = await bFeedback(ctx);
      const { other } = await bCitizens(ctx);
      for (const agent of [other, ctx.t.anonymous(), ctx.a.officer]) {
        const res = await agent.post(`/api/v1/public/feedback/${code}/view`, { securityCode: 'AAAA-BBBB-CCCC-DDDD' });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('riêng');
      }
    },
  },
  'GET /api/v1/citizen/feedback': {
    scoped: true,
    check: async (ctx) => {
      const { code } = await bFeedback(ctx);
      const { owner, other } = await bCitizens(ctx);
      const codes = async (agent: Agent) => (await agent.get('/api/v1/citizen/feedback')).json().items.map((i: { code: string }) => i.code);
      expect(await codes(owner)).toContain(code);
      expect(await codes(other)).not.toContain(code);
      for (const agent of Object.values(ctx.a)) expect((await agent.get('/api/v1/citizen/feedback')).statusCode).toBe(401);
    },
  },
  'GET /api/v1/feedback': {
    scoped: true,
    check: async (ctx) => {
      const { id } = await bFeedback(ctx);
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.get('/api/v1/feedback?limit=200');
        if (res.statusCode === 200) expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
        else expect(res.statusCode).toBe(403);
        expect([403, 404]).toContain((await agent.get(`/api/v1/feedback?agency=${communeB}`)).statusCode);
      }
    },
  },
  'GET /api/v1/feedback/figures': {
    scoped: true,
    check: async (ctx) => {
      await bFeedback(ctx);
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.get('/api/v1/feedback/figures?from=2000-01-01&to=2099-12-31');
        expect(res.statusCode).toBe(200);
        expect(res.json().rows.map((r: { agencyCode: string }) => r.agencyCode)).not.toContain(communeB);
        expect((await agent.get(`/api/v1/feedback/figures?from=2000-01-01&to=2099-12-31&agency=${communeB}`)).json().code).toBe('agency.not_found');
      }
    },
  },
  'POST /api/v1/feedback': {
    scoped: true,
    check: async (ctx) => {
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.post('/api/v1/feedback', { agencyId: ctx.bAgencyId, channel: 'phone', title: 'x', content: 'y' });
        expect(res.statusCode).toBe(403);
      }
      expect(await ctx.t.database.db.selectFrom('feedback').select('id').where('title', '=', 'x').where('agency_id', '=', ctx.bAgencyId).execute()).toEqual([]);
    },
  },
  'GET /api/v1/feedback/:id': {
    scoped: true,
    check: async (ctx) => {
      const { id } = await bFeedback(ctx);
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.get(`/api/v1/feedback/${id}`);
        expect([403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain('riêng');
      }
    },
  },
  'POST /api/v1/feedback/:id/actions': {
    scoped: true,
    check: async (ctx) => {
      const { id } = await bFeedback(ctx);
      for (const agent of Object.values(ctx.a)) {
        for (const body of [{ action: 'assign', agency: communeA }, { action: 'answer', answer: 'x' }, { action: 'refuse', category: 'complaint' }, { action: 'ask_sender', note: 'x' }]) {
          expect([403, 404]).toContain((await agent.post(`/api/v1/feedback/${id}/actions`, body)).statusCode);
        }
      }
      const row = await ctx.t.database.db.selectFrom('feedback').select(['status', 'agency_id']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'assigned', agency_id: ctx.bAgencyId });
    },
  },
  'GET /api/v1/documents': {
    scoped: true,
    check: async (ctx) => {
      const { draft, incoming } = await bDocuments(ctx);
      for (const agent of Object.values(ctx.a)) {
        const ids = (await agent.get('/api/v1/documents?limit=200')).json().items.map((i: { id: string }) => i.id);
        expect(ids).not.toContain(draft);
        expect(ids).not.toContain(incoming);
        expect((await agent.get(`/api/v1/documents?agencyId=${ctx.bAgencyId}`)).json().total).toBe(0);
      }
    },
  },
  'GET /api/v1/documents/summary': {
    scoped: true,
    check: async (ctx) => {
      await bDocuments(ctx);
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.get(`/api/v1/documents/summary?from=2000-01-01&to=2099-12-31&agencyId=${ctx.bAgencyId}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toEqual([]);
      }
    },
  },
  'GET /api/v1/documents/:id': {
    scoped: true,
    check: async (ctx) => {
      const { draft, incoming } = await bDocuments(ctx);
      for (const agent of Object.values(ctx.a)) {
        for (const id of [draft, incoming]) expect((await agent.get(`/api/v1/documents/${id}`)).json().code).toBe('office.document_not_found');
      }
    },
  },
  'GET /api/v1/documents/:id/file': {
    scoped: true,
    check: async (ctx) => {
      const { draft } = await bDocuments(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/documents/${draft}/file`)).statusCode).toBe(404);
    },
  },
  'POST /api/v1/documents/incoming': {
    scoped: true,
    check: async (ctx) => {
      const file = multipartFile('van-ban.pdf', samplePdf, 'application/pdf');
      const fileId = (await ctx.a.officer.request('POST', '/api/v1/files', file.payload, file.headers)).json().id;
      const res = await ctx.a.officer.post('/api/v1/documents/incoming', { agencyId: ctx.bAgencyId, type: 'thong_bao', summary: 'x', issuingBody: 'y', fileId });
      expect(res.statusCode).toBe(403);
      for (const agent of [ctx.a.specialist, ctx.a.leader, ctx.a.admin]) {
        expect((await agent.post('/api/v1/documents/incoming', { agencyId: ctx.bAgencyId, type: 'thong_bao', summary: 'x', issuingBody: 'y', fileId })).statusCode).toBe(403);
      }
    },
  },
  'POST /api/v1/documents/outgoing': {
    scoped: true,
    check: async (ctx) => {
      const file = multipartFile('van-ban.pdf', samplePdf, 'application/pdf');
      const fileId = (await ctx.a.specialist.request('POST', '/api/v1/files', file.payload, file.headers)).json().id;
      for (const agent of Object.values(ctx.a)) {
        expect((await agent.post('/api/v1/documents/outgoing', { agencyId: ctx.bAgencyId, type: 'thong_bao', summary: 'x', fileId })).statusCode).toBe(403);
      }
    },
  },
  'POST /api/v1/documents/:id/actions': {
    scoped: true,
    check: async (ctx) => {
      const { draft, incoming, unitId } = await bDocuments(ctx);
      for (const agent of Object.values(ctx.a)) {
        expect((await agent.post(`/api/v1/documents/${draft}/actions`, { action: 'approve' })).json().code).toBe('office.document_not_found');
        expect((await agent.post(`/api/v1/documents/${incoming}/actions`, { action: 'route', route: { unitId } })).json().code).toBe('office.document_not_found');
        expect((await agent.post(`/api/v1/documents/${incoming}/actions`, { action: 'handle' })).json().code).toBe('office.document_not_found');
      }
      const rows = await ctx.t.database.db.selectFrom('official_documents').select('status').where('id', 'in', [draft, incoming]).orderBy('direction').execute();
      expect(rows.map((r) => r.status)).toEqual(['routed', 'drafted']);
    },
  },
  'GET /api/v1/reform-plans': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) {
        expect((await agent.get('/api/v1/reform-plans')).json().items.map((i: { id: string }) => i.id)).not.toContain(plan);
        expect((await agent.get(`/api/v1/reform-plans?agencyId=${ctx.bAgencyId}`)).json().items).toEqual([]);
      }
    },
  },
  'POST /api/v1/reform-plans': {
    scoped: true,
    check: async (ctx) => {
      await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.post('/api/v1/reform-plans', { agencyId: ctx.bAgencyId, year: 2026, title: 'x' })).statusCode).toBe(403);
      expect(await ctx.t.database.db.selectFrom('reform_plans').select('id').where('agency_id', '=', ctx.bAgencyId).execute()).toHaveLength(1);
    },
  },
  'GET /api/v1/reform-plans/report': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) {
        const report = (await agent.get(`/api/v1/reform-plans/report?year=2026&agencyId=${ctx.bAgencyId}`)).json();
        expect([report.total.total, report.byPlan, report.tasks]).toEqual([0, [], []]);
        expect((await agent.get(`/api/v1/reform-plans/report?planId=${plan}`)).json().code).toBe('reform.plan_not_found');
      }
    },
  },
  'GET /api/v1/reform-plans/report.xlsx': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/reform-plans/report.xlsx?planId=${plan}`)).json().code).toBe('reform.plan_not_found');
    },
  },
  'GET /api/v1/reform-plans/report.pdf': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/reform-plans/report.pdf?planId=${plan}`)).json().code).toBe('reform.plan_not_found');
    },
  },
  'GET /api/v1/reform-plans/:id': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/reform-plans/${plan}`)).json().code).toBe('reform.plan_not_found');
    },
  },
  'PATCH /api/v1/reform-plans/:id': {
    scoped: true,
    check: async (ctx) => {
      const { plan } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.request('PATCH', `/api/v1/reform-plans/${plan}`, { title: 'x', documentNumber: '1/KH' })).json().code).toBe('reform.plan_not_found');
      await reformUnchanged(ctx);
    },
  },
  'POST /api/v1/reform-plans/:id/tasks': {
    scoped: true,
    check: async (ctx) => {
      const { plan, unitId } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) {
        const res = await agent.post(`/api/v1/reform-plans/${plan}/tasks`, { area: 'procedures', title: 'x', expectedResult: 'y', deadline: '2026-12-31', lead: { kind: 'unit', id: unitId } });
        expect(res.json().code).toBe('reform.plan_not_found');
      }
      await reformUnchanged(ctx);
    },
  },
  'GET /api/v1/reform-tasks/:id': {
    scoped: true,
    check: async (ctx) => {
      const { task, done } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) for (const id of [task, done]) expect((await agent.get(`/api/v1/reform-tasks/${id}`)).json().code).toBe('reform.task_not_found');
    },
  },
  'PATCH /api/v1/reform-tasks/:id': {
    scoped: true,
    check: async (ctx) => {
      const { task } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.request('PATCH', `/api/v1/reform-tasks/${task}`, { deadline: '2026-02-01' })).json().code).toBe('reform.task_not_found');
      await reformUnchanged(ctx);
      expect((await ctx.t.database.db.selectFrom('reform_tasks').select(sql<string>`deadline::text`.as('d')).where('id', '=', task).executeTakeFirstOrThrow()).d).toBe('2026-12-31');
    },
  },
  'POST /api/v1/reform-tasks/:id/progress': {
    scoped: true,
    check: async (ctx) => {
      const { task } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(`/api/v1/reform-tasks/${task}/progress`, { percent: 90, reportedOn: '2026-01-03' })).json().code).toBe('reform.task_not_found');
      await reformUnchanged(ctx);
    },
  },
  'POST /api/v1/reform-tasks/:id/completion': {
    scoped: true,
    check: async (ctx) => {
      const { task } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(`/api/v1/reform-tasks/${task}/completion`, { completedOn: '2026-01-03', result: 'x' })).json().code).toBe('reform.task_not_found');
      await reformUnchanged(ctx);
    },
  },
  'POST /api/v1/reform-tasks/:id/reopening': {
    scoped: true,
    check: async (ctx) => {
      const { done } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(`/api/v1/reform-tasks/${done}/reopening`, { note: 'x' })).json().code).toBe('reform.task_not_found');
      await reformUnchanged(ctx);
    },
  },
  'GET /api/v1/reform-tasks/:id/evidence/:fileId': {
    scoped: true,
    check: async (ctx) => {
      const { task, evidence } = await bReform(ctx);
      for (const agent of Object.values(ctx.a)) {
        expect((await agent.get(`/api/v1/reform-tasks/${task}/evidence/${evidence}`)).json().code).toBe('reform.task_not_found');
        // Nor through the files route: an evidence file is not the caller's upload.
        expect((await agent.get(`/api/v1/files/${evidence}`)).statusCode).toBe(404);
      }
    },
  },
  'GET /api/v1/notifications': {
    scoped: true,
    check: async (ctx) => {
      const id = await bMessage(ctx);
      for (const agent of Object.values(ctx.a)) {
        const ids = (await agent.get('/api/v1/notifications?limit=200')).json().items.map((i: { id: number }) => i.id);
        expect(ids).not.toContain(id);
      }
    },
  },
  'GET /api/v1/notifications/:id': {
    scoped: true,
    check: async (ctx) => {
      const id = await bMessage(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/notifications/${id}`)).json().code).toBe('notification.not_found');
    },
  },
  'POST /api/v1/notifications/:id/resend': {
    scoped: true,
    check: async (ctx) => {
      const id = await bMessage(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.post(`/api/v1/notifications/${id}/resend`)).json().code).toBe('notification.not_found');
      expect(await ctx.t.database.db.selectFrom('notifications').select('id').where('resend_of', '=', id).execute()).toEqual([]);
    },
  },
  'GET /api/v1/dossiers/:id/notifications': {
    scoped: true,
    check: async (ctx) => {
      await bMessage(ctx);
      for (const agent of Object.values(ctx.a)) expect((await agent.get(`/api/v1/dossiers/${ctx.bDossier.id}/notifications`)).json().code).toBe('dossier.not_found');
    },
  },
  'GET /api/v1/notification-templates': { scoped: false, why: 'the installation’s wording of messages (no agency data); administrators only' },
  'POST /api/v1/notification-templates/:kind/:channel/preview': { scoped: false, why: 'renders a draft with sample values; reads and changes nothing' },
  'PUT /api/v1/notification-templates/:kind/:channel': {
    scoped: true,
    check: async (ctx) => {
      // Templates serve every agency: a commune's administrator may not change them.
      const text = { subject: { vi: '{{code}}', en: '{{code}}' }, body: { vi: '{{code}}', en: '{{code}}' } };
      for (const agent of Object.values(ctx.a)) expect((await agent.request('PUT', '/api/v1/notification-templates/dossier_received/email', text)).statusCode).toBe(403);
      expect(await ctx.t.database.db.selectFrom('notification_templates').selectAll().execute()).toEqual([]);
    },
  },
  'DELETE /api/v1/notification-templates/:kind/:channel': {
    scoped: true,
    check: async (ctx) => {
      for (const agent of Object.values(ctx.a)) expect((await agent.request('DELETE', '/api/v1/notification-templates/dossier_received/email')).statusCode).toBe(403);
    },
  },
  'GET /api/v1/rating-alerts': {
    scoped: true,
    check: async (ctx) => {
      const alert = await bAlert(ctx);
      const leader = await ctx.a.leader.get('/api/v1/rating-alerts?state=all&limit=100');
      expect(leader.statusCode).toBe(200);
      expect(leader.json().items.map((i: { code: string }) => i.code)).not.toContain(alert.code);
      expect(leader.body).not.toContain('Hà Thị Cúc');
      for (const agent of [ctx.a.officer, ctx.a.specialist, ctx.a.admin]) expect((await agent.get('/api/v1/rating-alerts')).statusCode).toBe(403);
    },
  },
  'POST /api/v1/rating-alerts/:dossierId/handle': {
    scoped: true,
    check: async (ctx) => {
      const alert = await bAlert(ctx);
      expect((await ctx.a.leader.post(`/api/v1/rating-alerts/${alert.id}/handle`, { note: 'Đã xử lý' })).json().code).toBe('rating_alert.not_found');
      for (const agent of [ctx.a.officer, ctx.a.specialist, ctx.a.admin]) expect((await agent.post(`/api/v1/rating-alerts/${alert.id}/handle`, { note: 'Đã xử lý' })).statusCode).toBe(403);
      const row = await ctx.t.database.db.selectFrom('rating_alerts').select('handled_at').where('dossier_id', '=', alert.id).executeTakeFirstOrThrow();
      expect(row.handled_at).toBeNull();
    },
  },
  'GET /api/v1/surveys': {
    scoped: true,
    check: async (ctx) => {
      const survey = await bSurvey(ctx);
      for (const role of ['officer', 'leader', 'admin'] as const) {
        const res = await ctx.a[role].get('/api/v1/surveys?limit=200');
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((s: { id: string }) => s.id)).not.toContain(survey.id);
      }
      expect((await ctx.a.specialist.get('/api/v1/surveys')).statusCode).toBe(403);
    },
  },
  'POST /api/v1/surveys': {
    scoped: true,
    check: async (ctx) => {
      const body = {
        title: 'Khảo sát trái phép', period: { kind: 'quarter', year: 2025, index: 1 }, agencies: [communeB],
        questionnaire: { questions: [{ key: 'overall', kind: 'scale5', required: true, text: { vi: 'x' } }] }, sampling: { mode: 'size', size: 1 },
      };
      // Commune A's administrator designs for commune A only; its leader (a commune's manager) and officers design nothing.
      expect((await ctx.a.admin.post('/api/v1/surveys', body)).json().code).toBe('agency.not_found');
      expect((await ctx.a.admin.post('/api/v1/surveys', { ...body, agencies: [communeA, communeB] })).json().code).toBe('agency.not_found');
      for (const role of ['officer', 'specialist', 'leader'] as const) expect((await ctx.a[role].post('/api/v1/surveys', body)).statusCode).toBe(403);
      expect(await ctx.t.database.db.selectFrom('surveys').select('id').where('title', '=', 'Khảo sát trái phép').execute()).toEqual([]);
    },
  },
  'GET /api/v1/surveys/:id': { scoped: true, check: async (ctx) => void (await surveyOutOfReach(ctx, (agent, s) => agent.get(`/api/v1/surveys/${s.id}`))) },
  'PUT /api/v1/surveys/:id': {
    scoped: true,
    check: async (ctx) => {
      const survey = await surveyOutOfReach(ctx, (agent, s) => agent.request('PUT', `/api/v1/surveys/${s.id}`, {
        title: 'Đổi tên trái phép', period: { kind: 'quarter', year: 2025, index: 1 }, agencies: [communeA],
        questionnaire: { questions: [{ key: 'overall', kind: 'scale5', required: true, text: { vi: 'x' } }] }, sampling: { mode: 'size', size: 1 },
      }));
      expect((await ctx.t.database.db.selectFrom('surveys').select('title').where('id', '=', survey.id).executeTakeFirstOrThrow()).title).toBe('Khảo sát xã Giao Minh');
    },
  },
  'DELETE /api/v1/surveys/:id': {
    scoped: true,
    check: async (ctx) => {
      const survey = await surveyOutOfReach(ctx, (agent, s) => agent.request('DELETE', `/api/v1/surveys/${s.id}`));
      expect(await ctx.t.database.db.selectFrom('surveys').select('id').where('id', '=', survey.id).execute()).toHaveLength(1);
    },
  },
  'GET /api/v1/surveys/:id/sample-preview': { scoped: true, check: async (ctx) => void (await surveyOutOfReach(ctx, (agent, s) => agent.get(`/api/v1/surveys/${s.id}/sample-preview`))) },
  'POST /api/v1/surveys/:id/actions': {
    scoped: true,
    check: async (ctx) => {
      const survey = await surveyOutOfReach(ctx, (agent, s) => agent.post(`/api/v1/surveys/${s.id}/actions`, { action: 'close' }));
      expect((await ctx.t.database.db.selectFrom('surveys').select('status').where('id', '=', survey.id).executeTakeFirstOrThrow()).status).toBe('open');
    },
  },
  'GET /api/v1/surveys/:id/invitations': { scoped: true, check: async (ctx) => void (await surveyOutOfReach(ctx, (agent, s) => agent.get(`/api/v1/surveys/${s.id}/invitations`))) },
  'POST /api/v1/surveys/:id/invitations/print': {
    scoped: true,
    check: async (ctx) => {
      const survey = await surveyOutOfReach(ctx, (agent, s) => agent.post(`/api/v1/surveys/${s.id}/invitations/print`, {}));
      const printed = await ctx.t.database.db.selectFrom('survey_invitation_tokens').select('token_hash').where('invitation_id', '=', survey.invitationId).where('purpose', '=', 'print').execute();
      expect(printed).toEqual([]);
    },
  },
  'POST /api/v1/surveys/:id/invitations/:invitationId/answer': {
    scoped: true,
    check: async (ctx) => {
      const survey = await surveyOutOfReach(ctx, (agent, s) => agent.post(`/api/v1/surveys/${s.id}/invitations/${s.invitationId}/answer`, { channel: 'phone', answers: { overall: 1 } }));
      expect(await ctx.t.database.db.selectFrom('survey_responses').select('invitation_id').where('invitation_id', '=', survey.invitationId).execute()).toEqual([]);
    },
  },
  'GET /api/v1/surveys/:id/results': { scoped: true, check: async (ctx) => void (await surveyOutOfReach(ctx, (agent, s) => agent.get(`/api/v1/surveys/${s.id}/results`))) },
  'GET /api/v1/surveys/:id/results.xlsx': { scoped: true, check: async (ctx) => void (await surveyOutOfReach(ctx, (agent, s) => agent.get(`/api/v1/surveys/${s.id}/results.xlsx`))) },
  'POST /api/v1/public/surveys/invitation': { scoped: false, why: 'the applicant opens a survey with the invitation’s one-time token only; a wrong or spent token answers 403 (surveys test)' },
  'POST /api/v1/public/surveys/answers': { scoped: false, why: 'the applicant answers with the invitation’s one-time token only, once; else 403 (surveys test)' },
  'GET /api/v1/external-figures': { scoped: false, why: 'SIPAS and PAR Index as the Ministry of Home Affairs publishes them for every province: public figures, read by any member of staff' },
  'PUT /api/v1/external-figures': {
    scoped: true,
    check: async (ctx) => {
      const figure = { agency: '000.00.00.H40', kind: 'sipas', year: 2025, value: 80, source: 'QĐ thử quyền' };
      expect((await ctx.a.admin.request('PUT', '/api/v1/external-figures', figure)).json().code).toBe('agency.not_found');
      for (const role of ['officer', 'specialist', 'leader'] as const) expect((await ctx.a[role].request('PUT', '/api/v1/external-figures', figure)).statusCode).toBe(403);
      expect(await ctx.t.database.db.selectFrom('external_figures').select('id').execute()).toEqual([]);
    },
  },
  'DELETE /api/v1/external-figures/:id': {
    scoped: true,
    check: async (ctx) => {
      const province = await ctx.t.signIn('quantri');
      const entered = await province.request('PUT', '/api/v1/external-figures', { agency: '000.00.00.H40', kind: 'par_index', year: 2024, value: 85.5, source: 'QĐ công bố' });
      expect(entered.statusCode, entered.body).toBe(200);
      const id = entered.json().id as string;
      expect((await ctx.a.admin.request('DELETE', `/api/v1/external-figures/${id}`)).json().code).toBe('external_figure.not_found');
      for (const role of ['officer', 'specialist', 'leader'] as const) expect((await ctx.a[role].request('DELETE', `/api/v1/external-figures/${id}`)).statusCode).toBe(403);
      expect(await ctx.t.database.db.selectFrom('external_figures').select('id').where('id', '=', id).execute()).toHaveLength(1);
      expect((await province.request('DELETE', `/api/v1/external-figures/${id}`)).statusCode).toBe(204);
    },
  },
  'GET /api/v1/citizen/notification-preferences': { scoped: false, why: 'the signed-in citizen’s own channels' },
  'PUT /api/v1/citizen/notification-preferences': { scoped: false, why: 'sets the signed-in citizen’s own channels' },
};

describe.each(databaseKinds)('authorization matrix on %s', (kind) => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.t = await startTestApp(kind);
    const province = await ctx.t.signIn('quantri');
    const aId = await ctx.t.agencyId(communeA);
    const created = await province.post('/api/v1/users', {
      username: 'quantri.giaothuy', fullName: 'Quản trị xã Giao Thủy', password: 'Quan-tri-xa-2026',
      assignments: [{ role: 'admin', agencyId: aId }],
    });
    expect(created.statusCode).toBe(201);
    ctx.a = {
      officer: await ctx.t.signIn('canbo.giaothuy'),
      specialist: await ctx.t.signIn('chuyenvien.giaothuy'),
      leader: await ctx.t.signIn('lanhdao.giaothuy'),
      admin: await ctx.t.signIn('quantri.giaothuy', 'Quan-tri-xa-2026'),
    };
    // Activity at commune B, so that there is something to leak.
    await ctx.t.signIn('canbo.giaominh');
    ctx.bAgencyId = await ctx.t.agencyId(communeB);
    ctx.bUserId = (await ctx.t.database.db.selectFrom('users').select('id').where('username', '=', 'canbo.giaominh').executeTakeFirstOrThrow()).id;
    const bOfficer = await ctx.t.signIn('canbo.giaominh');
    const file = multipartFile('giay-to-khai.pdf', samplePdf, 'application/pdf');
    const uploaded = await bOfficer.request('POST', '/api/v1/files', file.payload, file.headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    ctx.bFileId = uploaded.json().id;
    const dossier = await bOfficer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Trần Văn Bình', idNumber: '036080009999' },
      components: [{ index: 0, received: true, fileIds: [ctx.bFileId] }],
    });
    expect(dossier.statusCode, dossier.body).toBe(201);
    ctx.bDossier = { id: dossier.json().id, code: dossier.json().code };
    const stored = await ctx.t.database.db.selectFrom('citizen_documents').select('id').where('owner_id', '=', '036080009999').executeTakeFirstOrThrow();
    ctx.bApplicantDocument = stored.id;
    // A signed result of commune B's dossier, as sign_result leaves it (its file: the dossier's scan).
    const scan = await ctx.t.database.db.selectFrom('files').selectAll().where('id', '=', ctx.bFileId).executeTakeFirstOrThrow();
    ctx.bSignedDocument = 'bbbbbbbbbbbbbbbb';
    await ctx.t.database.db.insertInto('signed_documents').values({
      id: ctx.bSignedDocument, kind: 'dossier_result', agency_id: ctx.bAgencyId, dossier_id: ctx.bDossier.id, number: null, title: 'Kết quả',
      file_name: 'ket-qua.pdf', storage_key: scan.storage_key, size_bytes: scan.size_bytes, sha256: scan.sha256, status: 'signed',
      signature_slot: null, result_file_id: scan.id, created_by: null, created_at: new Date(), updated_at: new Date(),
    }).execute();
  });
  afterAll(async () => ctx.t?.close());

  it('has a case for every API route that exists', () => {
    const routes = ctx.t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((r) => !(r in matrix));
    expect(missing, 'routes without an authorization case').toEqual([]);
  });

  it.each(Object.entries(matrix).filter(([, c]) => c.scoped))('keeps commune B out of reach: %s', async (route, c) => {
    expect(ctx.t.app.apiRoutes.some((r) => `${r.method} ${r.url}` === route), `${route} is registered`).toBe(true);
    if (c.scoped) await c.check(ctx);
  });

  it('keeps staff and citizen sessions apart on every route: neither cookie works where the other is required', async () => {
    const citizen = await ctx.t.signInCitizen('036090001234');
    const urlOf = (url: string) => url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(/:(\w+)/g, 'x');
    const staffRoutes = ctx.t.app.apiRoutes.filter((r) => r.access.kind === 'staff');
    const citizenRoutes = ctx.t.app.apiRoutes.filter((r) => r.access.kind === 'citizen');
    expect(staffRoutes.length).toBeGreaterThan(10);
    expect(citizenRoutes.length).toBeGreaterThan(0);
    for (const r of staffRoutes) {
      const res = await citizen.request(r.method, urlOf(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `citizen on ${r.method} ${r.url}`).toBe(401);
    }
    // A staff agent carrying a citizen's cookie too is still only staff on staff routes.
    const both = ctx.a.officer;
    for (const r of citizenRoutes) {
      const res = await both.request(r.method, urlOf(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `staff on ${r.method} ${r.url}`).toBe(401);
    }
    const me = await citizen.get('/api/v1/auth/citizen/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ personalId: '036090001234', eidLevel: 2, kind: 'citizen' });
    expect((await citizen.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('lets no route be called anonymously unless it is declared public', async () => {
    const anonymous = ctx.t.anonymous();
    for (const r of ctx.t.app.apiRoutes.filter((r) => r.access.kind !== 'public')) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(/:(\w+)/g, 'x');
      const res = await anonymous.request(r.method, url, r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
