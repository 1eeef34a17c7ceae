import { describe, expect, it } from 'vitest';
import { identityFromClaims } from '../../src/modules/citizens/citizen-claims.ts';
import { portalReturnPath } from '../../src/modules/citizens/citizen-sign-in.ts';
import { demoIdentities } from '../../src/demo/citizens.ts';
import { demoIdentityClaims } from '../../src/demo/dev-idp/provider.ts';

const issuer = 'https://id.example.vn';
const citizen = {
  sub: 'abc', name: 'Nguyễn Văn An', personal_id: '036090001234', birthdate: '1990-04-12', gender: 'male',
  address: { formatted: 'Giao Thủy, Ninh Bình' }, phone_number: '0912345678', email: 'an@example.vn', eid_level: 2,
};

describe('identity from the e-ID provider’s claims', () => {
  it('maps the standard and VNeID claims to the identity', () => {
    const mapped = identityFromClaims(issuer, citizen);
    expect(mapped).toEqual({
      ok: true,
      identity: {
        issuer, subject: 'abc', kind: 'citizen', fullName: 'Nguyễn Văn An', personalId: '036090001234', birthDate: '1990-04-12',
        gender: 'male', address: 'Giao Thủy, Ninh Bình', phone: '0912345678', email: 'an@example.vn', eidLevel: 2,
        organizationName: null, taxCode: null,
      },
    });
  });

  it('gives back every demo identity the development provider vouches for, unchanged', () => {
    for (const { login: _login, ...demo } of demoIdentities) {
      expect(identityFromClaims(issuer, demoIdentityClaims({ login: _login, ...demo }))).toEqual({ ok: true, identity: { ...demo, issuer } });
    }
  });

  it.each([
    ['11 digits', '03609000123'],
    ['13 digits', '0360900012345'],
    ['letters', '03609000123A'],
    ['spaces', '036 090 001 234'],
  ])('refuses a personal ID number of %s', (_name, personalId) => {
    const mapped = identityFromClaims(issuer, { ...citizen, personal_id: personalId });
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.problems.join()).toMatch(/personal_id/);
  });

  it('refuses an identity without a personal ID number, a name or an e-ID level', () => {
    const { personal_id: _p, ...noId } = citizen;
    const { eid_level: _l, ...noLevel } = citizen;
    expect(identityFromClaims(issuer, noId).ok).toBe(false);
    expect(identityFromClaims(issuer, { ...citizen, name: '  ' }).ok).toBe(false);
    expect(identityFromClaims(issuer, noLevel).ok).toBe(false);
    expect(identityFromClaims(issuer, { ...citizen, eid_level: 3 }).ok).toBe(false);
  });

  it('takes the e-ID level from acr when the provider gives no eid_level', () => {
    const { eid_level: _l, ...rest } = citizen;
    const mapped = identityFromClaims(issuer, { ...rest, acr: 'urn:vn:vneid:loa:1' });
    expect(mapped.ok && mapped.identity.eidLevel).toBe(1);
  });

  it('refuses a business account without its tax code, and a malformed tax code', () => {
    expect(identityFromClaims(issuer, { ...citizen, account_type: 'business', organization_name: 'Công ty A' }).ok).toBe(false);
    expect(identityFromClaims(issuer, { ...citizen, account_type: 'business', organization_name: 'Công ty A', tax_code: '06012' }).ok).toBe(false);
    const branch = identityFromClaims(issuer, { ...citizen, account_type: 'business', organization_name: 'Công ty A', tax_code: '0601234567-001' });
    expect(branch.ok && branch.identity.taxCode).toBe('0601234567-001');
  });

  it('keeps no company on a citizen’s own account', () => {
    const mapped = identityFromClaims(issuer, { ...citizen, organization_name: 'Công ty A', tax_code: '0601234567' });
    expect(mapped.ok && [mapped.identity.organizationName, mapped.identity.taxCode]).toEqual([null, null]);
  });
});

describe('where a sign-in returns to', () => {
  it.each([
    [undefined, '/ho-so-cua-toi'],
    ['/tra-cuu?ma=1#x', '/tra-cuu?ma=1#x'],
    ['https://evil.example/', '/ho-so-cua-toi'],
    ['//evil.example/x', '/ho-so-cua-toi'],
    ['/\\evil.example', '/ho-so-cua-toi'],
    ['/api/v1/auth/citizen/logout', '/ho-so-cua-toi'],
    ['/dev-idp/session/end', '/ho-so-cua-toi'],
    ['ho-so', '/ho-so-cua-toi'],
  ])('%s → %s (portal paths of this origin only)', (given, expected) => {
    expect(portalReturnPath(given)).toBe(expected);
  });
});
