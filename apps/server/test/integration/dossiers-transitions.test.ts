/**
 * Every action of the transition table through the API, on both databases: taken by the role the
 * table names, it answers 200 and writes exactly one log row (and one audit row); taken by a role
 * it does not name, 403; from a status it does not list, 409; by staff of another commune, 404 —
 * and those refusals write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRules, citizenOnlyActions, dossierActionNames, formIssuedBy, formsAvailable } from '@motcua/domain';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

type Role = 'officer' | 'specialist' | 'leader';
type Setup = 'submitted' | 'received' | 'processing' | 'processing_overdue' | 'processing_leader' | 'result_attached' | 'supplement_requested' | 'paused' | 'resolved' | 'rejected' | 'returned';

/** action → [status to start from, who takes it, body, a role that may not, a status it may not be taken from] */
const cases: Array<[string, Setup, Role, Record<string, unknown>, Role, Setup]> = [
  ['receive', 'submitted', 'officer', {}, 'specialist', 'received'],
  ['request_completion', 'submitted', 'officer', { reasons: ['Thiếu tờ khai'] }, 'leader', 'received'],
  ['refuse', 'submitted', 'officer', { reasons: ['Không thuộc thẩm quyền'] }, 'specialist', 'processing'],
  ['transfer', 'received', 'officer', {}, 'specialist', 'submitted'],
  ['assign', 'processing', 'leader', { assigneeId: 'SPECIALIST' }, 'officer', 'received'],
  ['forward', 'processing', 'specialist', {}, 'officer', 'received'],
  ['send_back', 'processing_leader', 'leader', { note: 'Cần thẩm định lại' }, 'officer', 'received'],
  ['request_supplement', 'processing', 'specialist', { reasons: ['Bổ sung bản sao'] }, 'officer', 'received'],
  ['receive_supplement', 'supplement_requested', 'officer', {}, 'specialist', 'processing'],
  ['pause', 'processing', 'leader', { note: 'Chờ xác minh' }, 'specialist', 'received'],
  ['resume', 'paused', 'leader', {}, 'officer', 'processing'],
  ['apologize', 'processing_overdue', 'leader', { note: 'Chậm do xác minh', newDueAt: '2025-04-30T17:00:00+07:00' }, 'specialist', 'resolved'],
  ['attach_result', 'processing', 'specialist', { generateResult: { outcome: 'Đăng ký kết hôn' } }, 'officer', 'received'],
  ['sign_result', 'result_attached', 'leader', {}, 'specialist', 'received'],
  ['resolve', 'processing_leader', 'leader', {}, 'officer', 'received'],
  ['reject', 'processing_leader', 'leader', { reasons: ['Không đủ điều kiện'] }, 'specialist', 'received'],
  ['return_result', 'resolved', 'officer', {}, 'leader', 'processing'],
  ['withdraw', 'received', 'officer', { note: 'Người nộp rút hồ sơ' }, 'specialist', 'resolved'],
  ['record_digitization', 'received', 'officer', { digitized: true }, 'leader', 'returned'],
];

describe.each(databaseKinds)('every action of the transition table on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2025-04-01T09:00:00+07:00');
  const agents = {} as Record<Role | 'other', Agent>;
  let specialistId: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    agents.officer = await t.signIn('canbo.giaothuy');
    agents.specialist = await t.signIn('chuyenvien.giaothuy');
    agents.leader = await t.signIn('lanhdao.giaothuy');
    agents.other = await t.signIn('lanhdao.giaominh');
    specialistId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'chuyenvien.giaothuy').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const act = (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) =>
    agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
  const ok = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await act(agent, id, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  /** A dossier of xã Giao Thủy in the given state. */
  const dossierIn = async (state: Setup): Promise<number> => {
    if (state === 'submitted') {
      // Online, the declaration must be uploaded first; the upload token proves the file is ours.
      const citizen = t.anonymous();
      const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
      const up = await citizen.request('POST', '/api/v1/public/files', file.payload, file.headers);
      expect(up.statusCode, up.body).toBe(201);
      const { id: fileId, uploadToken } = up.json();
      const res = await citizen.post('/api/v1/public/dossiers', {
        procedureCode: '1.000894', agencyCode: '000.41.00.H40', applicant: { name: 'Trịnh Văn Tâm', phone: '0911222333' },
        components: [{ index: 0, fileIds: [fileId] }], uploadTokens: { [fileId]: uploadToken },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id;
    }
    const intake = await agents.officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Trịnh Thị Tâm' }, components: [{ index: 0, received: true }] });
    expect(intake.statusCode, intake.body).toBe(201);
    const id = intake.json().id as number;
    if (state === 'received') return id;
    await ok(agents.officer, id, 'transfer');
    if (state === 'processing') return id;
    if (state === 'processing_overdue') {
      // Past its appointment (5 working days): an apology (form 04) is warranted only now.
      now += 9 * 86_400_000;
      return id;
    }
    if (state === 'supplement_requested') {
      await ok(agents.specialist, id, 'request_supplement', { reasons: ['Bổ sung'] });
      return id;
    }
    if (state === 'paused') {
      await ok(agents.leader, id, 'pause', { note: 'Tạm dừng' });
      return id;
    }
    if (state === 'result_attached') {
      await ok(agents.specialist, id, 'attach_result', { generateResult: { outcome: 'Đăng ký kết hôn' } });
      return id;
    }
    await ok(agents.specialist, id, 'forward');
    if (state === 'processing_leader') return id;
    await ok(agents.leader, id, state === 'rejected' ? 'reject' : 'resolve', state === 'rejected' ? { reasons: ['Không đủ điều kiện'] } : {});
    if (state === 'returned') await ok(agents.officer, id, 'return_result');
    return id;
  };
  const rows = async (id: number) => ({
    log: (await t.database.db.selectFrom('dossier_events').select('seq').where('dossier_id', '=', id).execute()).length,
    audit: (await t.database.db.selectFrom('audit_events').select('id').where('entity_type', '=', 'dossier').execute()).length,
  });

  it('has a case for every action an officer, a specialist or a leader can take', () => {
    // The applicant's own actions (online, with the access secret) are covered in applicant-actions.test.ts;
    // assisted filing's (prepare, discard_preparation: a dossier prepared, not one of these setups) in assisted-*.test.ts.
    const assisted: readonly string[] = ['prepare', 'discard_preparation'];
    const named = dossierActionNames.filter((a) => a !== 'submit' && a !== 'import' && !citizenOnlyActions.includes(a) && !assisted.includes(a));
    expect(cases.map(([a]) => a).sort()).toEqual(named.sort());
    // Each case says what the table says: allowed from its status to its role, and not otherwise.
    const statusOf = (setup: Setup) => (setup === 'processing_leader' || setup === 'result_attached' || setup === 'processing_overdue' ? 'processing' : setup);
    for (const [action, from, role, , wrongRole, wrongStatus] of cases) {
      const rule = (actionRules as unknown as Record<string, { from: ReadonlyArray<string | null>; by: readonly string[] }>)[action]!;
      expect(rule.from, action).toContain(statusOf(from));
      // 'step' names the role of the current step: the specialist appraises, then the leader approves.
      const stepRole = from === 'processing_leader' ? 'leader' : from === 'processing' || from === 'result_attached' || from === 'processing_overdue' ? 'specialist' : null;
      const takers = rule.by.flatMap((by) => (by === 'step' ? (stepRole ? [stepRole] : []) : [by]));
      expect(takers, action).toContain(role);
      expect(takers, action).not.toContain(wrongRole);
      expect(rule.from, action).not.toContain(statusOf(wrongStatus));
    }
  });

  it.each(cases)('%s: allowed from its status to its role, once, with its log row', async (action, from, role, rawBody, wrongRole, wrongStatus) => {
    const body = { ...rawBody, ...(rawBody.assigneeId ? { assigneeId: specialistId } : {}) };
    // By staff of another commune: not found, nothing written.
    const id = await dossierIn(from);
    const before = await rows(id);
    expect((await act(agents.other, id, action, body)).statusCode).toBe(404);
    // By a role the table does not name: forbidden, nothing written.
    const wrong = await act(agents[wrongRole], id, action, body);
    expect(wrong.statusCode, `${wrongRole} ${action}: ${wrong.body}`).toBe(403);
    expect(await rows(id)).toEqual(before);
    // By the right role: one log row, one audit row, and the status of the table.
    const res = await act(agents[role], id, action, body);
    expect(res.statusCode, res.body).toBe(200);
    // A refusal decision is signed with it: `sign_result` follows `reject` (docs/rules/results.md).
    const signedWith = action === 'reject' ? 1 : 0;
    const after = await rows(id);
    expect(after).toEqual({ log: before.log + 1 + signedWith, audit: before.audit + 1 + signedWith });
    const to = (actionRules as Record<string, { to: string }>)[action]!.to;
    if (to !== 'same') expect(res.json().status).toBe(to);
    expect(res.json().timeline.at(-1 - signedWith).action).toBe(action);
    // The form the table names is recorded on the log row, listed and printable; none is invented.
    const form = formIssuedBy(action) ?? null;
    expect(res.json().timeline.at(-1 - signedWith).form, action).toBe(form);
    if (form) {
      expect(res.json().forms).toContain(form);
      const pdf = await agents[role].get(`/api/v1/dossiers/${id}/forms/${form}`);
      expect(pdf.statusCode, pdf.body).toBe(200);
    }
    // From a status the table does not list: conflict, nothing written.
    const elsewhere = await dossierIn(wrongStatus);
    const beforeElsewhere = await rows(elsewhere);
    const refused = await act(agents[role], elsewhere, action, body);
    expect(refused.statusCode, `${action} from ${wrongStatus}: ${refused.body}`).toBe(409);
    expect(refused.json().code).toBe('dossier.transition_not_allowed');
    expect(await rows(elsewhere)).toEqual(beforeElsewhere);
  });

  it('rejecting after processing issues form 03, signed by the competent person, and its log row records it', async () => {
    const id = await dossierIn('rejected');
    const detail = (await agents.leader.get(`/api/v1/dossiers/${id}`)).json();
    const row = detail.timeline.find((e: { action: string }) => e.action === 'reject');
    expect(row.form).toBe('03');
    expect(detail.forms).toEqual(formsAvailable(detail.timeline.map((e: { action: string }) => e.action)));
    expect(detail.forms).toContain('03');
    const pdf = await agents.leader.get(`/api/v1/dossiers/${id}/forms/03`);
    expect(pdf.statusCode, pdf.body).toBe(200);
  });
});
