import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerText, checkAgainstIdentity, declarationSearchText, enforceVerified, normalizeDeclaration, prefillFrom, validateDeclaration, validateEFormDefinition,
  validateProcedure, type CitizenIdentity, type EFormDefinition, type ProcedureDefinitionInput,
} from '../../src/index.ts';

const l = (vi: string, en = vi) => ({ vi, en });

const birth: EFormDefinition = {
  id: 'to-khai-khai-sinh',
  version: 1,
  title: l('TỜ KHAI ĐĂNG KÝ KHAI SINH', 'BIRTH REGISTRATION DECLARATION'),
  legalForm: { name: 'Tờ khai đăng ký khai sinh', basis: 'Thông tư 04/2024/TT-BTP' },
  component: 0,
  sections: [
    {
      key: 'declarant',
      title: l('Người yêu cầu', 'Declarant'),
      fields: [
        { key: 'declarantName', label: l('Họ, chữ đệm, tên', 'Full name'), type: 'text', required: true, prefill: 'fullName' },
        { key: 'declarantId', label: l('Số định danh cá nhân', 'Personal ID'), type: 'personalId', required: true, prefill: 'personalId' },
        { key: 'declarantPhone', label: l('Số điện thoại', 'Phone'), type: 'phone', prefill: 'phone' },
        { key: 'declarantEmail', label: l('Thư điện tử', 'E-mail'), type: 'email', prefill: 'email' },
      ],
    },
    {
      key: 'child',
      title: l('Người được khai sinh', 'Child'),
      fields: [
        { key: 'childName', label: l('Họ, chữ đệm, tên', 'Full name'), type: 'text', required: true, maxLength: 100 },
        {
          key: 'childSex', label: l('Giới tính', 'Sex'), type: 'radio', required: true,
          choices: [{ value: 'male', label: l('Nam', 'Male') }, { value: 'female', label: l('Nữ', 'Female') }],
        },
        { key: 'childBirthDate', label: l('Ngày sinh', 'Date of birth'), type: 'date', required: true, maxDate: 'today', minDate: '1900-01-01' },
        { key: 'motherBirthYear', label: l('Năm sinh của mẹ', 'Mother’s year of birth'), type: 'number', integer: true, min: 1900, max: 'thisYear' },
        { key: 'note', label: l('Ghi chú', 'Note'), type: 'textarea', maxLength: 20 },
        { key: 'code', label: l('Mã', 'Code'), type: 'text', pattern: '^[A-Z]{2}\\d{3}$', patternMessage: l('Hai chữ hoa và ba số', 'Two capitals and three digits') },
        { key: 'agree', label: l('Đồng ý', 'Agree'), type: 'checkbox', required: true },
      ],
    },
  ],
  signer: { title: l('NGƯỜI YÊU CẦU', 'DECLARANT'), nameField: 'declarantName' },
};

const today = '2025-03-04';

const valid = {
  declarantName: 'Nguyễn Văn An', declarantId: '036090001234', childName: 'Nguyễn Minh Khôi', childSex: 'male',
  childBirthDate: '2025-02-20', motherBirthYear: 1995, agree: true,
};

const an: CitizenIdentity = {
  issuer: 'https://id.example', subject: 'an', kind: 'citizen', fullName: 'Nguyễn Văn An', personalId: '036090001234', birthDate: '1990-05-12',
  gender: 'male', address: 'Xóm 3, xã Giao Thủy', phone: '0912345678', email: null, eidLevel: 2, organizationName: null, taxCode: null,
};

const pathsOf = (answers: Record<string, unknown>) => validateDeclaration(birth, normalizeDeclaration(birth, answers), { today }).map((i) => i.path);

describe('a declaration against its e-form', () => {
  it('accepts a complete declaration', () => {
    expect(validateDeclaration(birth, valid, { today })).toEqual([]);
  });

  it('names every required field left empty, blank text included', () => {
    expect(pathsOf({ ...valid, childName: '   ', childSex: undefined, agree: false })).toEqual(['childName', 'childSex', 'agree']);
  });

  it('refuses a birth date after the injected today, and accepts today itself', () => {
    const [issue] = validateDeclaration(birth, { ...valid, childBirthDate: '2025-03-05' }, { today });
    expect(issue).toMatchObject({ path: 'childBirthDate', messages: { vi: '"Ngày sinh" không được sau ngày hôm nay' } });
    expect(validateDeclaration(birth, { ...valid, childBirthDate: today }, { today })).toEqual([]);
    expect(pathsOf({ ...valid, childBirthDate: '2025-02-30' })).toEqual(['childBirthDate']);
    expect(pathsOf({ ...valid, childBirthDate: '1899-12-31' })).toEqual(['childBirthDate']);
  });

  it('checks years against the year of today, choices against the list, and numbers typed as text', () => {
    expect(pathsOf({ ...valid, motherBirthYear: 2026 })).toEqual(['motherBirthYear']);
    expect(pathsOf({ ...valid, motherBirthYear: '1990' })).toEqual([]);
    expect(pathsOf({ ...valid, motherBirthYear: 1990.5 })).toEqual(['motherBirthYear']);
    expect(pathsOf({ ...valid, childSex: 'other' })).toEqual(['childSex']);
  });

  it('uses the shared rules for personal IDs, phones and e-mails', () => {
    expect(pathsOf({ ...valid, declarantId: '03609000123' })).toEqual(['declarantId']);
    expect(pathsOf({ ...valid, declarantPhone: 'call me' })).toEqual(['declarantPhone']);
    expect(pathsOf({ ...valid, declarantEmail: 'an@' })).toEqual(['declarantEmail']);
  });

  it('applies length limits, the pattern with its own message, and the text rule', () => {
    expect(pathsOf({ ...valid, note: 'x'.repeat(21) })).toEqual(['note']);
    const [issue] = validateDeclaration(birth, { ...valid, code: 'ab123' }, { today });
    expect(issue?.messages.vi).toBe('Hai chữ hoa và ba số');
    expect(pathsOf({ ...valid, code: 'AB123' })).toEqual([]);
    expect(pathsOf({ ...valid, childName: 'An\u0000' })).toEqual(['childName']);
  });

  it('refuses answers to fields the form does not have, and values of the wrong type', () => {
    expect(pathsOf({ ...valid, extra: 'x' })).toEqual(['extra']);
    expect(pathsOf({ ...valid, childName: 12, agree: 'yes' })).toEqual(['childName', 'agree']);
  });

  it('never throws, whatever the answers', () => {
    fc.assert(fc.property(
      fc.dictionary(fc.constantFrom('childName', 'childSex', 'childBirthDate', 'motherBirthYear', 'agree', 'note', 'code', 'x'),
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null))),
      (answers) => {
        const issues = validateDeclaration(birth, normalizeDeclaration(birth, answers), { today });
        for (const i of issues) expect(i.messages.vi.length).toBeGreaterThan(0);
      },
    ));
  });
});

describe('prefill from the e-ID and verified values', () => {
  it('fills the fields whose claim the identity has, and lists them as verified', () => {
    expect(prefillFrom(birth, an)).toEqual({
      answers: { declarantName: 'Nguyễn Văn An', declarantId: '036090001234', declarantPhone: '0912345678' },
      verified: ['declarantName', 'declarantId', 'declarantPhone'],
    });
  });

  it('keeps the identity’s value of a verified field whatever was typed', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (name, id) => {
      const { answers, verified } = enforceVerified(birth, { ...valid, declarantName: name, declarantId: id, declarantEmail: 'x@y.vn' }, an);
      expect(answers.declarantName).toBe(an.fullName);
      expect(answers.declarantId).toBe(an.personalId);
      // The identity has no e-mail: what was typed stays, unverified.
      expect(answers.declarantEmail).toBe('x@y.vn');
      expect(verified).not.toContain('declarantEmail');
    }));
  });

  it('verifies nothing without an identity', () => {
    expect(enforceVerified(birth, valid, null)).toEqual({ answers: valid, verified: [] });
  });

  it('holds a declaration someone else filled against its applicant’s identity: equal answers verified, different ones refused, empty ones left', () => {
    expect(checkAgainstIdentity(birth, { ...valid, declarantName: ' Nguyễn  Văn An ' }, an)).toEqual({ verified: ['declarantName', 'declarantId'], mismatches: [] });
    const other = checkAgainstIdentity(birth, { ...valid, declarantId: '036090009999', declarantPhone: '0912345678' }, an);
    expect(other.verified).toEqual(['declarantName', 'declarantPhone']);
    expect(other.mismatches.map((m) => [m.path, m.messages.vi])).toEqual([['declarantId', 'Khác với thông tin định danh điện tử (VNeID)']]);
    // The identity has no e-mail and the answers no phone: neither is verified nor refused.
    expect(checkAgainstIdentity(birth, valid, an).verified).not.toContain('declarantPhone');
  });
});

describe('a declaration as printed and searched', () => {
  it('prints choices by their label and dates as dd/MM/yyyy', () => {
    const sex = birth.sections[1]!.fields[1]!;
    expect(answerText(sex, 'female')).toBe('Nữ');
    expect(answerText(birth.sections[1]!.fields[2]!, '2025-02-20')).toBe('20/02/2025');
    expect(declarationSearchText(birth, valid)).toContain('Nguyễn Minh Khôi');
  });
});

describe('an e-form definition', () => {
  it('has unique keys, choices where needed, limits that fit the type, and a prefill that fits the field', () => {
    const bad: EFormDefinition = {
      ...birth,
      component: 3,
      sections: [{
        key: 's', title: l('S'),
        fields: [
          { key: 'a', label: l('A'), type: 'select' },
          { key: 'a', label: l('B'), type: 'text', min: 1, pattern: '(' },
          { key: 'c', label: l('C'), type: 'number', prefill: 'fullName' },
          { key: 'd', label: l('D'), type: 'date', maxDate: 'tomorrow' },
          { key: 'g', label: l('G'), type: 'radio', prefill: 'gender', choices: [{ value: 'nam', label: l('Nam') }] },
        ],
      }],
      signer: { title: l('X'), nameField: 'nobody' },
    };
    expect(validateEFormDefinition(bad, 1).map((i) => i.path)).toEqual([
      'sections[0].fields[0].choices',
      'sections[0].fields[1].key',
      'sections[0].fields[1].pattern',
      'sections[0].fields[1].min',
      'sections[0].fields[2].prefill',
      'sections[0].fields[3].maxDate',
      'sections[0].fields[4].choices',
      'component',
      'signer.nameField',
    ]);
    expect(validateEFormDefinition(birth, 1)).toEqual([]);
  });

  it('is checked with its procedure, under the key declaration', () => {
    const procedure: ProcedureDefinitionInput = {
      code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', levels: ['commune'], processingTime: { value: 1, unit: 'working_days' },
      components: [], fullyOnline: false, declaration: birth,
    };
    expect(validateProcedure(procedure).map((i) => i.path)).toEqual(['declaration.component']);
  });
});
