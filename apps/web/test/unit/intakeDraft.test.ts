import { describe, expect, it } from 'vitest';
import { applicantBody, checkApplicant, emptyApplicant, normalizeIdNumber } from '../../src/shared/applicant.ts';
import type { ProcedureDetail } from '../../src/shared/catalogue.ts';
import { assistedBody, componentsOf, emptyDraft, intakeBody, missingRequired } from '../../src/console/intake/intakeDraft.ts';

const procedure = {
  code: '1.000894',
  components: [
    { name: 'Tờ khai đăng ký kết hôn', kind: 'original', kindText: { vi: '', en: '' }, count: 1, required: true, template: null },
    { name: 'Giấy xác nhận tình trạng hôn nhân', kind: 'original', kindText: { vi: '', en: '' }, count: 1, required: false, template: null },
  ],
} as unknown as ProcedureDetail;

describe('the applicant at the counter', () => {
  it('needs a name, and nothing else', () => {
    expect(checkApplicant(emptyApplicant)).toEqual({ name: 'required' });
    expect(checkApplicant({ ...emptyApplicant, name: 'Nguyễn Văn An' })).toEqual({});
  });

  it('needs a phone online, to be reached', () => {
    expect(checkApplicant({ ...emptyApplicant, name: 'An' }, { phoneRequired: true })).toEqual({ phone: 'required' });
  });

  it('checks the ID number, phone and email against the server’s patterns', () => {
    expect(checkApplicant({ ...emptyApplicant, name: 'An', idNumber: '12 34', phone: '12', email: 'an@' })).toEqual({
      idNumber: 'invalid', phone: 'invalid', email: 'invalid',
    });
  });

  it('reads an ID number off a card loosely: spaces dropped, capitals', () => {
    expect(normalizeIdNumber(' 036 090 00123a ')).toBe('03609000123A');
  });

  it('sends only what was filled in, trimmed', () => {
    expect(applicantBody({ ...emptyApplicant, name: ' Nguyễn Văn An ', phone: '0912 345 678', representative: 'ignored for a citizen' })).toEqual({
      kind: 'citizen', name: 'Nguyễn Văn An', idNumber: undefined, phone: '0912 345 678', email: undefined, address: undefined, representative: undefined,
    });
  });
});

describe('the papers at the counter', () => {
  it('starts from the procedure’s checklist with nothing ticked', () => {
    const components = componentsOf(procedure);
    expect(components.map((c) => [c.index, c.received, c.kind, c.count])).toEqual([[0, false, 'original', 1], [1, false, 'original', 1]]);
    expect(missingRequired(components).map((c) => c.name)).toEqual(['Tờ khai đăng ký kết hôn']);
  });

  it('builds the intake request: ticked papers, scans, sets, delivery and the decision', () => {
    const components = componentsOf(procedure);
    components[0] = { ...components[0]!, received: true, files: [{ id: 'f1', name: 'a.png', mediaType: 'image/png', size: 1, sha256: 'x' }], note: ' bản gốc ' };
    const body = intakeBody({ ...emptyDraft('agency-1'), procedure, applicant: { ...emptyApplicant, name: 'An' }, components, sets: 2 });
    expect(body).toMatchObject({
      procedureCode: '1.000894', agencyId: 'agency-1', channel: 'counter', sets: 2, resultDelivery: 'counter', decision: 'receive',
      components: [
        { index: 0, received: true, kind: 'original', count: 1, fileIds: ['f1'], note: 'bản gốc' },
        { index: 1, received: false, kind: 'original', count: 1 },
      ],
    });
    expect(body).not.toHaveProperty('reasons');
  });

  it('sends the listed items with a supplement request, without empty lines', () => {
    const body = intakeBody({ ...emptyDraft(undefined), procedure, applicant: { ...emptyApplicant, name: 'An' }, components: componentsOf(procedure), decision: 'request_completion', reasons: [' Bổ sung tờ khai ', ''] });
    expect(body.reasons).toEqual(['Bổ sung tờ khai']);
    expect(body).not.toHaveProperty('agencyId');
  });
});

describe('assisted filing from the console', () => {
  const form = {
    id: 'to-khai', version: 1, title: { vi: 'TỜ KHAI', en: 'DECLARATION' }, legalForm: { name: 'Tờ khai', basis: 'x' }, component: 0,
    sections: [{ key: 's', title: { vi: 'S', en: 'S' }, fields: [
      { key: 'declarantName', label: { vi: 'Họ tên', en: 'Name' }, type: 'text', required: true },
      { key: 'motherBirthYear', label: { vi: 'Năm sinh', en: 'Year' }, type: 'number' },
    ] }],
  };
  const withForm = { ...procedure, declaration: form } as unknown as ProcedureDetail;

  it('sends the declaration e-form the preparer filled, as the counter does, and none when the paper one is used', () => {
    const draft = { ...emptyDraft('agency-1'), procedure: withForm, applicant: { ...emptyApplicant, name: 'An', idNumber: '036090001234', phone: '0912345678' } };
    const body = assistedBody({ ...draft, declaration: { declarantName: ' Nguyễn Văn An ', motherBirthYear: '1994' } });
    expect(body.declaration).toEqual({ declarantName: 'Nguyễn Văn An', motherBirthYear: 1994 });
    expect(body.declaration).toEqual(intakeBody({ ...draft, declaration: { declarantName: ' Nguyễn Văn An ', motherBirthYear: '1994' } }).declaration);
    expect(assistedBody(draft)).not.toHaveProperty('declaration');
  });
});
