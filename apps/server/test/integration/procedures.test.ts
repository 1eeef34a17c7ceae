/**
 * The public procedure catalogue and its versions, on both databases: search without diacritics,
 * ranking, filters, the procedure page, new versions from a bundle, the monthly list of changes,
 * and bundles that are refused whole with a precise message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@motcua/domain';
import { demoBundleDir } from '../../src/demo/demo.ts';
import { procedureBundleLoader } from '../../src/modules/procedures/procedures.bundle.ts';
import { findVersionById } from '../../src/modules/procedures/procedures.repository.ts';
import { procedureVersionInForce } from '../../src/modules/procedures/procedures.usecases.ts';
import { readBundle } from '../../src/modules/setup/bundle.read.ts';
import { loadBundle, type SetupSummary } from '../../src/modules/setup/setup.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

type Entry = Record<string, unknown> & { code: string };

const demoProcedures = (): Entry[] => JSON.parse(fs.readFileSync(path.join(demoBundleDir, 'procedures.json'), 'utf8')) as Entry[];

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A bundle directory with the demo agencies and the given procedures (a list, or raw text). */
function bundleDir(procedures: Entry[] | string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-procedures-'));
  tempDirs.push(dir);
  fs.copyFileSync(path.join(demoBundleDir, 'agencies.json'), path.join(dir, 'agencies.json'));
  // The e-forms the demo's procedures name by id.
  fs.copyFileSync(path.join(demoBundleDir, 'eforms.json'), path.join(dir, 'eforms.json'));
  fs.writeFileSync(path.join(dir, 'procedures.json'), typeof procedures === 'string' ? procedures : JSON.stringify(procedures, null, 2));
  return dir;
}

/** `procedures.json:LINE …` → the text of that line, to check that a message points at the right place. */
function lineAt(dir: string, issuePath: string): string {
  const line = Number(/^procedures\.json:(\d+)/.exec(issuePath)?.[1]);
  return fs.readFileSync(path.join(dir, 'procedures.json'), 'utf8').split('\n')[line - 1] ?? '';
}

describe.each(databaseKinds)('the procedure catalogue on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-03-10T03:00:00Z'); // 10:00 in Vietnam
  const clock = () => now;
  const load = (dir: string) =>
    loadBundle(readBundle(dir), t.deps, { extraLoaders: [procedureBundleLoader(clock)] }) as Promise<SetupSummary & { procedures: Record<string, number> }>;
  const counts = async () => {
    const db = t.database.db;
    const [p, v, a] = await Promise.all([
      db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('procedure_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db.selectFrom('procedure_versions').select(['procedure_code', 'version', 'valid_to', 'status']).orderBy('procedure_code').orderBy('version').execute(),
    ]);
    return { procedures: Number(p.n), versions: Number(v.n), state: a };
  };
  const search = async (query: string) => (await t.anonymous().get(`/api/v1/public/procedures?${query}`)).json();

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
  });
  afterAll(async () => t?.close());

  describe('search', () => {
    it.each(['dang ky khai sinh', 'Dang Ky Khai Sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh', '1.001193'])(
      'finds "Đăng ký khai sinh" with q=%s, first',
      async (q) => {
        const res = await t.anonymous().get(`/api/v1/public/procedures?q=${encodeURIComponent(q)}`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' });
      },
    );

    it('ranks the exact name before longer names that start with it, then the rest', async () => {
      const body = await search('q=dang+ky+ket+hon');
      expect(body.items.map((i: { name: string }) => i.name).slice(0, 2)).toEqual(['Đăng ký kết hôn', 'Đăng ký kết hôn có yếu tố nước ngoài']);
      expect(body.total).toBe(body.items.length);
    });

    it('ranks names that start with the phrase before names that only contain it', async () => {
      const names = (await search('q=ban+sao')).items.map((i: { name: string }) => i.name);
      expect(names).toEqual(expect.arrayContaining(['Cấp bản sao trích lục hộ tịch', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản']));
      // Both only contain "bản sao": ties are broken by name.
      expect(names.indexOf('Cấp bản sao trích lục hộ tịch')).toBeLessThan(names.indexOf('Chứng thực bản sao từ bản chính giấy tờ, văn bản'));
      const byPrefix = (await search('q=chung+thuc')).items.map((i: { name: string }) => i.name);
      expect(byPrefix.slice(0, 4).every((n: string) => n.startsWith('Chứng thực'))).toBe(true);
    });

    it('finds words in any order, and a name with a typo', async () => {
      expect((await search('q=khai+sinh+dang+ky')).items[0].code).toBe('1.001193');
      expect((await search('q=dang+ky+khai+sihn')).items.map((i: { code: string }) => i.code)).toContain('1.001193');
    });

    it('answers an empty list for nonsense, not an error', async () => {
      expect(await search('q=xyzzy+qwerty')).toEqual({ items: [], total: 0 });
    });

    it('pages through every procedure in force with a stable order and a total', async () => {
      const all = await search('limit=100');
      expect(all.total).toBe(30);
      const pages = [];
      for (let offset = 0; offset < 30; offset += 7) pages.push(...(await search(`limit=7&offset=${offset}`)).items);
      expect(pages.map((i: { code: string }) => i.code)).toEqual(all.items.map((i: { code: string }) => i.code));
      expect(new Set(pages.map((i: { code: string }) => i.code)).size).toBe(30);
      expect((await search('limit=7&offset=28')).items).toHaveLength(2);
      expect((await search('limit=7&offset=28')).total).toBe(30);
      expect(await search('limit=7&offset=35')).toEqual({ items: [], total: 30 });
    });

    it('filters by field (with or without diacritics), level and agency', async () => {
      const field = await search('field=Ch%E1%BB%A9ng+th%E1%BB%B1c&limit=100');
      expect(field.total).toBe(5);
      expect(field.items.every((i: { field: string }) => i.field === 'Chứng thực')).toBe(true);
      expect((await search('field=chung+thuc')).total).toBe(5);
      const province = await search('level=province&limit=100');
      expect(province.items.map((i: { code: string }) => i.code).sort()).toEqual(['2.000635', 'DEMO.014', 'DEMO.016', 'DEMO.017']);
      expect((await search('agency=000.00.00.H40')).total).toBe(4);
      expect((await search('agency=000.41.00.H40')).total).toBe(25);
      expect((await search('agency=000.41.00.H40&q=khai+tu')).items[0].code).toBe('1.000656');
      expect((await search('agency=NO.SUCH')).total).toBe(0);
    });

    it('shows each result with its time and fee in words', async () => {
      const item = (await search('q=2.000635')).items[0];
      expect(item).toMatchObject({
        code: '2.000635',
        levels: ['commune', 'province'],
        processingTime: { value: 0, unit: 'same_day', cutoff: '15:00' },
        fee: { kind: 'fixed', amount: 8000, text: { vi: '8.000 đồng', en: '8,000 VND' } },
        fullyOnline: true,
        version: 1,
      });
      expect(item.processingTime.text.vi).toMatch(/^Trong ngày/);
    });

    it('lists the fields with their counts for the portal’s filter', async () => {
      const res = await t.anonymous().get('/api/v1/public/procedure-fields');
      expect(res.statusCode).toBe(200);
      const fields = res.json().items as Array<{ field: string; count: number }>;
      expect(fields).toEqual(expect.arrayContaining([{ field: 'Hộ tịch', count: 11 }, { field: 'Chứng thực', count: 5 }, { field: 'Đất đai', count: 2 }]));
      expect(fields.reduce((n, f) => n + f.count, 0)).toBe(30);
    });

    it('refuses a limit above 100 with a problem naming the parameter', async () => {
      const res = await t.anonymous().get('/api/v1/public/procedures?limit=1000');
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toBe('querystring.limit');
    });
  });

  describe('a procedure’s page', () => {
    it('shows the version in force with components, fee, time, legal basis, workflow and history', async () => {
      const res = await t.anonymous().get('/api/v1/public/procedures/1.000894');
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({
        code: '1.000894', name: 'Đăng ký kết hôn', inForce: true, asOf: '2026-03-10', version: 1, status: 'active',
        processingTime: { value: 5, unit: 'working_days', text: { vi: '5 ngày làm việc', en: '5 working days' } },
        fee: { kind: 'free', amount: 0, text: { vi: 'Miễn phí' } },
        legalBasis: 'Luật Hộ tịch 2014, Điều 18',
        restartAfterSupplement: false,
        interAgency: [],
      });
      expect(page.components).toEqual([
        {
          name: 'Tờ khai đăng ký kết hôn', kind: 'original', kindText: { vi: 'Bản chính', en: 'Original' }, count: 1, required: true, template: null,
          documentType: null, documentTypeText: null,
        },
        expect.objectContaining({
          name: 'Giấy xác nhận tình trạng hôn nhân', required: false, documentType: 'xac-nhan-tinh-trang-hon-nhan',
          documentTypeText: { vi: 'Giấy xác nhận tình trạng hôn nhân', en: 'Certificate of marital status' },
        }),
        expect.objectContaining({ name: 'Căn cước của người yêu cầu đăng ký kết hôn', required: false, documentType: 'cccd' }),
      ]);
      expect(page.resultDocumentType).toBe('giay-chung-nhan-ket-hon');
      expect(page.workflow.map((s: { key: string; role: string }) => `${s.key}:${s.role}`)).toEqual([
        'intake:officer', 'appraisal:specialist', 'approval:leader', 'return:officer',
      ]);
      const hours = page.workflow.reduce((h: number, s: { budget: { value: number; unit: string } }) => h + s.budget.value * (s.budget.unit === 'working_days' ? 8 : 1), 0);
      expect(hours).toBe(40);
      expect(page.history).toEqual([expect.objectContaining({ version: 1, validFrom: null, validTo: null, status: 'active', id: page.versionId })]);
    });

    it('gives the national catalogue’s fields: agency, applicants, conditions, channels, time basis, result, legal texts', async () => {
      const page = (await t.anonymous().get('/api/v1/public/procedures/1.000894')).json();
      expect(page).toMatchObject({
        publicCode: '1.000894',
        implementingAgency: 'Ủy ban nhân dân cấp xã',
        applicants: ['Công dân Việt Nam'],
        processingTime: { text: { vi: '5 ngày làm việc' }, basisText: { vi: 'Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết' } },
        // No result type of its own: the kind of paper names it.
        resultText: 'Giấy chứng nhận kết hôn',
        channels: [{ channel: 'in_person', text: { vi: 'Trực tiếp', en: 'In person' } }, { channel: 'online', text: { vi: 'Trực tuyến', en: 'Online' } }],
        onlineService: { level: 'partial', text: { vi: 'Dịch vụ công trực tuyến một phần' } },
      });
      expect(page.conditions).toContain('Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên');
      expect(page.legalDocuments[0]).toEqual({ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' });

      // A procedure with no condition says so with an empty list; calendar days say they count days off.
      const residence = (await t.anonymous().get('/api/v1/public/procedures/DEMO.021')).json();
      expect(residence).toMatchObject({ conditions: [], resultText: 'Văn bản xác nhận thông tin về cư trú', onlineService: { level: 'full' } });
      expect(residence.channels.map((c: { channel: string }) => c.channel)).toEqual(['in_person', 'postal', 'online']);
      const building = (await t.anonymous().get('/api/v1/public/procedures/DEMO.012')).json();
      expect(building.processingTime).toMatchObject({ text: { vi: '15 ngày theo lịch', en: '15 calendar days' }, basisText: { vi: 'Tính cả thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết' } });
    });

    it('never puts an internal code where the public reads it: page and search give a national code or none', async () => {
      const page = (await t.anonymous().get('/api/v1/public/procedures/DEMO.018')).json();
      expect(page).toMatchObject({ code: 'DEMO.018', publicCode: null, name: 'Đăng ký tạm trú' });
      const { code: _key, ...shown } = page;
      expect(JSON.stringify(shown)).not.toMatch(/DEMO\./);
      const found = (await t.anonymous().get('/api/v1/public/procedures?q=cu+tru&limit=100')).json();
      expect(found.items.length).toBeGreaterThan(3);
      for (const item of found.items) {
        expect(item.publicCode).toBe(/^\d\.\d{6}$/.test(item.code) ? item.code : null);
        const { code: _itemKey, ...itemShown } = item;
        expect(JSON.stringify(itemShown)).not.toMatch(/DEMO\./);
      }
    });

    it('answers an unknown code with 404 problem+json', async () => {
      const res = await t.anonymous().get('/api/v1/public/procedures/9.999999');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'procedure.not_found', messages: { vi: 'Không tìm thấy thủ tục hành chính' } });
    });
  });

  describe('bad bundles change nothing and say exactly what is wrong', () => {
    const refused = async (procedures: Entry[] | string) => {
      const dir = bundleDir(procedures);
      const before = await counts();
      let error: unknown;
      try {
        await load(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('bundle.invalid');
      expect(await counts()).toEqual(before);
      return { dir, issues: (error as AppError).issues };
    };
    const withEntry = (index: number, change: (e: Entry) => Entry) => demoProcedures().map((e, i) => (i === index ? change(e) : e));

    it('refuses a declaration naming an e-form eforms.json does not define, and an e-form whose component the procedure lacks', async () => {
      const birth = demoProcedures().findIndex((e) => e.code === '1.001193');
      const unknown = await refused(withEntry(birth, (e) => ({ ...e, declaration: 'to-khai-khong-co' })));
      expect(unknown.issues).toEqual([{ path: expect.stringMatching(/^procedures\.json:\d+ \[\d+\]\.declaration$/), message: expect.stringContaining('unknown e-form "to-khai-khong-co" (eforms.json defines: ct01-thay-doi-cu-tru,') }]);
      expect(lineAt(unknown.dir, unknown.issues[0]!.path)).toContain('"declaration": "to-khai-khong-co"');
      const noComponent = await refused(withEntry(birth, (e) => ({ ...e, components: [] })));
      expect(noComponent.issues.map((i) => i.message)).toEqual(['component 0 does not exist: the procedure lists no components']);
    });

    it('refuses step budgets that do not add up to the legal time', async () => {
      const { dir, issues } = await refused(withEntry(1, (e) => ({
        ...e,
        workflow: [
          { key: 'intake', name: 'Tiếp nhận', role: 'officer', budget: { value: 4, unit: 'working_hours' } },
          { key: 'appraisal', name: 'Thẩm định', role: 'specialist', budget: { value: 20, unit: 'working_hours' } },
          { key: 'approval', name: 'Phê duyệt', role: 'leader', budget: { value: 1, unit: 'working_days' } },
          { key: 'return', name: 'Trả kết quả', role: 'officer', budget: { value: 4, unit: 'working_hours' } },
        ],
      })));
      expect(issues).toEqual([{ path: expect.stringMatching(/^procedures\.json:\d+ \[1\]\.workflow$/), message: 'budgets add up to 36 working hours, legal time is 5 working days = 40 working hours' }]);
      expect(lineAt(dir, issues[0]!.path)).toContain('"workflow"');
    });

    it('refuses an unknown unit', async () => {
      const { dir, issues } = await refused(withEntry(2, (e) => ({ ...e, processingTime: { value: 2, unit: 'weeks' } })));
      expect(issues).toEqual([{
        path: expect.stringMatching(/^procedures\.json:\d+ \[2\]\.processingTime\.unit$/),
        message: 'unknown unit "weeks"; expected one of "working_days", "working_hours", "days", "same_day"',
      }]);
      expect(lineAt(dir, issues[0]!.path)).toContain('"unit": "weeks"');
    });

    it('refuses malformed JSON with its line and column', async () => {
      const text = JSON.stringify(demoProcedures(), null, 2).replace('"name": "Đăng ký kết hôn",', '"name": "Đăng ký kết hôn"');
      const { issues } = await refused(text);
      const line = text.split('\n').findIndex((l) => l.includes('"name": "Đăng ký kết hôn"')) + 2;
      expect(issues).toEqual([{ path: expect.stringMatching(new RegExp(`^procedures\\.json:${line}:\\d+$`)), message: expect.stringMatching(/^malformed JSON/) }]);
    });

    it('refuses a code that appears twice in the file', async () => {
      const entries = demoProcedures();
      entries.push({ ...entries[1]!, name: 'Đăng ký kết hôn (bản trùng)' });
      const { issues } = await refused(entries);
      expect(issues).toEqual([{
        path: expect.stringMatching(/^procedures\.json:\d+ \[30\]\.code$/),
        message: expect.stringMatching(/^duplicate code "1\.000894" \(first at procedures\.json:\d+ \[1\]\)$/),
      }]);
    });

    it('refuses an entry without a required field', async () => {
      const { issues } = await refused(withEntry(3, ({ name: _name, ...rest }) => rest as Entry));
      expect(issues).toEqual([{ path: expect.stringMatching(/^procedures\.json:\d+ \[3\]\.name$/), message: 'required field is missing' }]);
    });

    it('refuses an inter-agency chain naming an unknown agency, and reports every bad entry at once', async () => {
      const entries = withEntry(10, (e) => ({
        ...e,
        interAgency: [
          { agency: 'commune', name: 'Đăng ký hộ kinh doanh', share: { value: 1, unit: 'working_days' } },
          { agency: 'ministry', name: 'Bộ', share: { value: 2, unit: 'working_days' } },
        ],
      }));
      entries[12] = { ...entries[12]!, levels: ['commune', 'ward'] };
      const { issues } = await refused(entries);
      expect(issues.map((i) => [i.path.replace(/^procedures\.json:\d+ /, ''), i.message])).toEqual([
        ['[10].interAgency[1].agency', 'unknown agency level or agency code "ministry"'],
        ['[12].levels[1]', 'unknown agency level "ward" (known: commune, department, district, police, province)'],
      ]);
    });
  });

  describe('versions', () => {
    const amendedDir = () => {
      const entries = demoProcedures().map((e) =>
        e.code === '1.000894'
          ? { ...e, processingTime: { value: 3, unit: 'working_days' }, validFrom: '2026-04-01', changeNote: 'Rút ngắn thời hạn còn 3 ngày làm việc' }
          : e,
      );
      entries.push(
        {
          code: 'DEMO.101', name: 'Đăng ký lại khai sinh', field: 'Hộ tịch', levels: ['commune'], processingTime: { value: 5, unit: 'working_days' },
          components: [{ name: 'Tờ khai đăng ký lại khai sinh', kind: 'original', count: 1, required: true }], fullyOnline: true, validFrom: '2026-04-15',
        },
        { code: 'DEMO.015', status: 'replaced', replacedBy: 'DEMO.101', validFrom: '2026-04-15' },
        { code: 'DEMO.016', status: 'abolished', validTo: '2026-04-30', changeNote: 'Bãi bỏ theo quyết định công bố' },
      );
      // The replaced and abolished procedures are ended by their own entries: drop their definitions.
      return bundleDir(entries.filter((e, i) => !(['DEMO.015', 'DEMO.016'].includes(e.code) && i < 19)));
    };

    it('adds a new version for changed content and closes the previous one the day before', async () => {
      const lastAudit = (await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
      const summary = await load(amendedDir());
      expect(summary.procedures).toEqual({ created: 1, amended: 1, unchanged: 27, abolished: 1, replaced: 1 });
      const versions = await t.database.db.selectFrom('procedure_versions').select(['version', 'valid_from', 'valid_to', 'status', 'change_note'])
        .where('procedure_code', '=', '1.000894').orderBy('version').execute();
      expect(versions).toEqual([
        { version: 1, valid_from: null, valid_to: '2026-03-31', status: 'amended', change_note: null },
        { version: 2, valid_from: '2026-04-01', valid_to: null, status: 'active', change_note: 'Rút ngắn thời hạn còn 3 ngày làm việc' },
      ]);
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity_type', '=', 'procedure').where('id', '>', lastAudit).orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'procedure.amended', entity_id: '1.000894' }, { action: 'procedure.created', entity_id: 'DEMO.101' },
        { action: 'procedure.replaced', entity_id: 'DEMO.015' }, { action: 'procedure.abolished', entity_id: 'DEMO.016' },
      ]);
    });

    it('binds a dossier to the version in force on its date', async () => {
      expect((await procedureVersionInForce('1.000894', '2026-03-31', t.deps))?.processingTime).toEqual({ value: 5, unit: 'working_days' });
      expect((await procedureVersionInForce('1.000894', '2026-04-01', t.deps))?.processingTime).toEqual({ value: 3, unit: 'working_days' });
      expect(await procedureVersionInForce('DEMO.016', '2026-05-01', t.deps)).toBeUndefined();
      expect(await procedureVersionInForce('DEMO.101', '2026-04-14', t.deps)).toBeUndefined();
      // The dossier keeps the id; the version behind it never changes.
      const bound = (await procedureVersionInForce('1.000894', '2026-03-31', t.deps))!;
      expect(await findVersionById(t.database.db, bound.id)).toEqual(bound);
    });

    it('shows today’s version with the history, and another date’s version on request', async () => {
      const today = (await t.anonymous().get('/api/v1/public/procedures/1.000894')).json();
      expect(today).toMatchObject({ version: 1, status: 'amended', validTo: '2026-03-31', inForce: true, processingTime: { value: 5 } });
      expect(today.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
      const later = (await t.anonymous().get('/api/v1/public/procedures/1.000894?at=2026-04-01')).json();
      expect(later).toMatchObject({ version: 2, status: 'active', inForce: true, processingTime: { value: 3 }, changeNote: 'Rút ngắn thời hạn còn 3 ngày làm việc' });
      expect((await t.anonymous().get('/api/v1/public/procedures/1.000894?at=2026-02-30')).statusCode).toBe(400);
    });

    it('changes nothing when the same bundle is loaded again', async () => {
      const before = await counts();
      const summary = await load(amendedDir());
      expect(summary.procedures).toEqual({ created: 0, amended: 0, unchanged: 31, abolished: 0, replaced: 0 });
      expect(await counts()).toEqual(before);
    });

    it('lists what changed in a month, by the date each change takes effect', async () => {
      const april = (await t.anonymous().get('/api/v1/public/procedure-changes?month=2026-04')).json();
      expect(april.month).toBe('2026-04');
      expect(april.items).toEqual([
        expect.objectContaining({ change: 'amended', date: '2026-04-01', code: '1.000894', version: 2, previousVersion: 1, changeNote: 'Rút ngắn thời hạn còn 3 ngày làm việc' }),
        expect.objectContaining({ change: 'replaced', date: '2026-04-15', code: 'DEMO.015', name: 'Đăng ký thường trú', replacedBy: { code: 'DEMO.101', publicCode: null, name: 'Đăng ký lại khai sinh' } }),
        expect.objectContaining({ change: 'new', date: '2026-04-15', code: 'DEMO.101', name: 'Đăng ký lại khai sinh', version: 1, previousVersion: null }),
      ]);
      const may = (await t.anonymous().get('/api/v1/public/procedure-changes?month=2026-05')).json();
      expect(may.items).toEqual([expect.objectContaining({ change: 'abolished', date: '2026-05-01', code: 'DEMO.016', changeNote: 'Bãi bỏ theo quyết định công bố' })]);
      expect((await t.anonymous().get('/api/v1/public/procedure-changes?month=2026-03')).json()).toEqual({ month: '2026-03', from: '2026-03', to: '2026-03', items: [], total: 0 });
      expect((await t.anonymous().get('/api/v1/public/procedure-changes?month=2026-13')).statusCode).toBe(400);
    });

    it('gives the legal basis of a version that took effect, and none for a procedure that ended', async () => {
      const april = (await t.anonymous().get('/api/v1/public/procedure-changes?month=2026-04')).json();
      const basisOf = (code: string) => april.items.find((i: { code: string }) => i.code === code).legalBasis;
      expect(basisOf('1.000894')).toBe('Luật Hộ tịch 2014, Điều 18');
      expect(basisOf('DEMO.101')).toBeNull();
      expect(basisOf('DEMO.015')).toBeNull();
    });

    it('lists the changes of a range of months in date order, with the months of the range', async () => {
      const range = (await t.anonymous().get('/api/v1/public/procedure-changes?from=2025-06&to=2026-05')).json();
      expect(range).toMatchObject({ month: null, from: '2025-06', to: '2026-05', total: 4 });
      expect(range.items.map((i: { change: string; date: string; code: string }) => `${i.date} ${i.change} ${i.code}`)).toEqual([
        '2026-04-01 amended 1.000894', '2026-04-15 replaced DEMO.015', '2026-04-15 new DEMO.101', '2026-05-01 abolished DEMO.016',
      ]);
      expect((await t.anonymous().get('/api/v1/public/procedure-changes?from=2026-04&to=2026-04')).json()).toMatchObject({ month: null, total: 3 });
      expect((await t.anonymous().get('/api/v1/public/procedure-changes?from=2026-05&to=2026-06')).json().total).toBe(1);
    });

    it.each([
      ['from without to', 'from=2026-01'],
      ['from after to', 'from=2026-05&to=2026-04'],
      ['a range longer than 24 months', 'from=2024-01&to=2026-01'],
      ['a month and a range', 'month=2026-04&from=2026-04&to=2026-05'],
    ])('refuses %s', async (_, query) => {
      expect((await t.anonymous().get(`/api/v1/public/procedure-changes?${query}`)).statusCode).toBe(400);
    });

    it('searches only what is in force today, as the clock moves on', async () => {
      now = new Date('2026-05-02T03:00:00Z');
      try {
        const codes = (await search('limit=100')).items.map((i: { code: string }) => i.code);
        expect(codes).toContain('DEMO.101');
        expect(codes).not.toContain('DEMO.015');
        expect(codes).not.toContain('DEMO.016');
        expect((await search('q=1.000894')).items[0]).toMatchObject({ version: 2, processingTime: { value: 3 } });
        const ended = (await t.anonymous().get('/api/v1/public/procedures/DEMO.015')).json();
        expect(ended).toMatchObject({ inForce: false, status: 'replaced', validTo: '2026-04-14', replacedBy: { code: 'DEMO.101', name: 'Đăng ký lại khai sinh' } });
      } finally {
        now = new Date('2026-03-10T03:00:00Z');
      }
    });

    it('keeps a version’s content frozen in the database itself', async () => {
      await expect(
        t.database.db.updateTable('procedure_versions').set({ name: 'Sửa trộm' }).where('procedure_code', '=', '1.000894').execute(),
      ).rejects.toThrow(/procedure\.version_frozen/);
      await expect(t.database.db.deleteFrom('procedure_versions').where('procedure_code', '=', 'DEMO.101').execute()).rejects.toThrow(/procedure\.version_frozen/);
    });
  });

  describe('publishing through the API', () => {
    const entry = {
      code: 'DEMO.201', name: 'Cấp giấy phép kinh doanh karaoke', field: 'Văn hóa', levels: ['commune'],
      processingTime: { value: 16, unit: 'working_days' }, fee: { amount: 2_000_000, onlineAmount: 1_500_000, currency: 'VND' },
      components: [{ name: 'Đơn đề nghị', kind: 'original', count: 1, required: true, template: 'mau-01.docx' }], fullyOnline: false,
      interAgency: [
        { agency: 'commune', name: 'Đăng ký hộ kinh doanh', share: { value: 3, unit: 'working_days' } },
        { agency: 'province', name: 'Giấy chứng nhận đủ điều kiện về an ninh, trật tự', share: { value: 3, unit: 'working_days' } },
        { agency: 'commune', name: 'Giấy phép kinh doanh dịch vụ karaoke', share: { value: 10, unit: 'working_days' } },
      ],
      legalBasis: 'Nghị định 297/2025/NĐ-CP, Điều 6',
    };

    it('lets a province administrator publish an inter-agency procedure, with an audit row', async () => {
      const admin = await t.signIn('quantri');
      const res = await admin.post('/api/v1/procedures', entry);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.outcome).toBe('created');
      expect(body.procedure).toMatchObject({
        code: 'DEMO.201', version: 1, fee: { kind: 'fixed', amount: 2_000_000, onlineAmount: 1_500_000, text: { vi: '2.000.000 đồng (nộp trực tuyến: 1.500.000 đồng)' } },
        components: [expect.objectContaining({ template: 'mau-01.docx' })],
      });
      expect(body.procedure.interAgency.map((p: { share: { text: { vi: string } } }) => p.share.text.vi)).toEqual(['3 ngày làm việc', '3 ngày làm việc', '10 ngày làm việc']);
      expect(new Set(body.procedure.workflow.map((s: { participant: number }) => s.participant))).toEqual(new Set([0, 1, 2]));
      const audit = await t.database.db.selectFrom('audit_events').select(['action', 'actor_name']).where('entity_id', '=', 'DEMO.201').execute();
      expect(audit).toEqual([{ action: 'procedure.created', actor_name: 'quantri' }]);
      const again = await admin.post('/api/v1/procedures', entry);
      expect(again.statusCode).toBe(200);
      expect(again.json().outcome).toBe('unchanged');
      // Marking the code as verified is no new version, but it is recorded.
      const verified = await admin.post('/api/v1/procedures', { ...entry, codeVerified: true });
      expect(verified.json()).toMatchObject({ outcome: 'unchanged', procedure: { codeVerified: true, version: 1 } });
      const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', 'DEMO.201').orderBy('id').execute();
      expect(actions.map((a) => a.action)).toEqual(['procedure.created', 'procedure.code_verified']);
    });

    it('answers an entry that breaks the rules with 400 and the path of each problem, writing nothing', async () => {
      const admin = await t.signIn('quantri');
      const before = await counts();
      const res = await admin.post('/api/v1/procedures', { ...entry, code: 'DEMO.202', processingTime: { value: 15, unit: 'working_days' } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'procedure.invalid',
        issues: [{ path: 'interAgency', message: 'shares add up to 128 working hours, legal time is 15 working days = 120 working hours' }],
      });
      const shape = await admin.post('/api/v1/procedures', { ...entry, code: 'DEMO.203', processingTime: { value: 2, unit: 'weeks' } });
      expect(shape.statusCode).toBe(400);
      expect(shape.json().issues[0]).toMatchObject({ path: 'body.processingTime.unit' });
      const { name: _name, ...nameless } = entry;
      const missing = await admin.post('/api/v1/procedures', { ...nameless, code: 'DEMO.205' });
      expect(missing.json().issues).toEqual([{ path: 'body.name', message: 'required field is missing' }]);
      expect(await counts()).toEqual(before);
    });

    it('refuses staff who are not administrators', async () => {
      const officer = await t.signIn('canbo.giaothuy');
      expect((await officer.post('/api/v1/procedures', { ...entry, code: 'DEMO.204' })).statusCode).toBe(403);
    });
  });
});
