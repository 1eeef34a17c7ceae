/**
 * One set of field rules for the server and the forms (packages/domain/src/validation/fields.ts):
 * for each sample, the server's zod schemas (the applicant of a dossier, a staff account, an
 * agency's e-mail) accept it exactly when the web forms' checks (the applicant fields of the
 * counter intake and the online submission, the administration forms) do.
 */
import { describe, expect, it } from 'vitest';
import { CreateStaffBody } from '../../src/modules/users/users.routes.ts';
import { ApplicantInput } from '../../src/modules/dossiers/dossiers.schemas.ts';
import { checkApplicant, emptyApplicant, normalizeIdNumber } from '../../../web/src/shared/applicant.ts';
import { isEmail, isStaffPhone, isUsername, minPasswordLength } from '../../../web/src/console/admin/validation.ts';

const emails = [
  'an.nguyen@hanoi.gov.vn', 'a+b@x.vn', 'o\'brien@example.com', 'x@y.z', 'x@y', 'a b@x.vn', 'a@@x.vn', '.a@x.vn', 'a..b@x.vn',
  'a.@x.vn', 'a@-x.vn', 'a@x.v1', 'a@x.vn.', 'nguyễn@x.vn', 'a@xn--bcher-kva.com', 'a@x_y.vn', `${'a'.repeat(250)}@x.vn`, 'user@sub.domain.com.vn', '',
];
const phones = ['0912345678', '+84 912 345 678', '024.3825.1234', '091-234-5678', '1234567', '+84(912)345678', '09123456789012345678901', '0912 345 678x'];
const idNumbers = ['001099012345', '012345678', 'C1234567', '0101234567-001', 'ab12345', '12345', ' 0010 9901 2345 ', '001099012345678901234'];
const usernames = ['canbo.xa01', 'ab', 'admin_1', 'nguyen van a', 'x'.repeat(65), 'lãnh.đạo'];

const serverAccepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;
const applicant = (field: object) => ({ kind: 'citizen' as const, name: 'Nguyễn Văn An', ...field });
const staff = (field: object) => ({ username: 'canbo.xa01', fullName: 'Trần Thị Bình', password: 'mat-khau-dai-du', assignments: [{ role: 'officer', agencyId: '7f0f9a1e-5b2c-4c8e-9a51-0c9c3e6f1a22' }], ...field });

describe('server and forms accept the same', () => {
  it('e-mail addresses, in the applicant forms, the staff forms and the server', () => {
    const rows = emails.filter(Boolean).map((email) => ({
      email,
      server: serverAccepts(ApplicantInput, applicant({ email })),
      staffServer: serverAccepts(CreateStaffBody, staff({ email })),
      applicantForm: !checkApplicant({ ...emptyApplicant, name: 'An', email }).email,
      adminForm: isEmail(email),
    }));
    for (const row of rows) expect(row, row.email).toMatchObject({ staffServer: row.server, applicantForm: row.server, adminForm: row.server });
    expect(rows.filter((r) => r.server).map((r) => r.email)).toEqual(
      ['an.nguyen@hanoi.gov.vn', 'a+b@x.vn', 'o\'brien@example.com', 'a@xn--bcher-kva.com', 'user@sub.domain.com.vn']);
  });

  it('phone numbers', () => {
    for (const phone of phones) {
      const server = serverAccepts(ApplicantInput, applicant({ phone }));
      expect({ phone, staffServer: serverAccepts(CreateStaffBody, staff({ phone })), form: !checkApplicant({ ...emptyApplicant, name: 'An', phone }).phone, admin: isStaffPhone(phone.trim()) })
        .toEqual({ phone, staffServer: server, form: server, admin: server });
    }
  });

  it('identity paper numbers, as the form sends them (spaces dropped, capitals)', () => {
    for (const idNumber of idNumbers) {
      const server = serverAccepts(ApplicantInput, applicant({ idNumber: normalizeIdNumber(idNumber) }));
      expect({ idNumber, form: !checkApplicant({ ...emptyApplicant, name: 'An', idNumber }).idNumber }).toEqual({ idNumber, form: server });
    }
  });

  it('usernames and password lengths', () => {
    for (const username of usernames) expect({ username, form: isUsername(username) }).toEqual({ username, form: serverAccepts(CreateStaffBody, staff({ username })) });
    const password = 'x'.repeat(minPasswordLength);
    expect(serverAccepts(CreateStaffBody, staff({ password }))).toBe(true);
    expect(serverAccepts(CreateStaffBody, staff({ password: password.slice(1) }))).toBe(false);
  });
});
