/** Which applicant fields a signed-in identity vouches for when the applicant is that identity. */
import { describe, expect, it } from 'vitest';
import { applicantClaims, type CitizenIdentity } from '../../src/index.ts';

const person: CitizenIdentity = {
  issuer: 'https://id.example', subject: 's1', kind: 'citizen', fullName: 'Nguyễn Văn An', personalId: '036090001234',
  birthDate: '1990-04-12', gender: 'male', address: 'Số 12 đường Hoàng Văn Thụ', phone: '0912345678', email: null,
  eidLevel: 2, organizationName: null, taxCode: null,
};
const business: CitizenIdentity = {
  ...person, subject: 's2', kind: 'business', fullName: 'Hoàng Văn Em', personalId: '036078004321', email: 'lienhe@example.vn',
  organizationName: 'Công ty TNHH Dệt may Nam Việt', taxCode: '0601234567',
};

describe('applicantClaims', () => {
  it('a person filing as a citizen: name, personal ID, address, phone; a claim not given is left out', () => {
    expect(applicantClaims(person, 'citizen')).toEqual([
      ['name', 'Nguyễn Văn An'], ['idNumber', '036090001234'], ['address', 'Số 12 đường Hoàng Văn Thụ'], ['phone', '0912345678'],
    ]);
  });

  it('a business filing as its organization: company name, tax code, representative, phone, e-mail (no address)', () => {
    expect(applicantClaims(business, 'organization')).toEqual([
      ['name', 'Công ty TNHH Dệt may Nam Việt'], ['idNumber', '0601234567'], ['representative', 'Hoàng Văn Em'],
      ['phone', '0912345678'], ['email', 'lienhe@example.vn'],
    ]);
  });

  it('a person filing as an organization is not vouched for by their e-ID', () => {
    expect(applicantClaims(person, 'organization')).toEqual([]);
  });
});
