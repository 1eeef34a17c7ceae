/** Who may sign what (docs/rules/results.md, docs/signatures.md): the personal signature stays the leader's, the seal is also the clerk's office's. */
import { describe, expect, it } from 'vitest';
import { formSigning, type Actor, type StaffRole } from '@motcua/domain';
import { canSign } from '../../../src/modules/signed-documents/signed-documents.policies.ts';

const commune = '/ninh-binh/giao-thuy/';
const staff = (role: StaffRole, agencyPath = commune): Actor => ({ kind: 'staff', userId: 'u', username: 'u', assignments: [{ role, agencyId: 'a', agencyPath }] });

describe('canSign', () => {
  it('lets the clerk’s office (officer) apply the agency’s seal, but not sign as the competent person', () => {
    expect(canSign(staff('officer'), commune, 'agency', 'outgoing')).toBe(true);
    expect(canSign(staff('officer'), commune, 'person', 'outgoing')).toBe(false);
    expect(canSign(staff('officer'), commune, 'person', 'dossier_result')).toBe(false);
    expect(canSign(staff('leader'), commune, 'person', 'outgoing')).toBe(true);
    expect(canSign(staff('specialist'), commune, 'agency', 'outgoing')).toBe(false);
  });
  it('lets the counter’s staff sign a form personally, and a manager a report, and nobody another agency’s', () => {
    expect(canSign(staff('officer'), commune, 'person', 'form')).toBe(true);
    expect(canSign(staff('manager'), commune, 'person', 'report')).toBe(true);
    expect(canSign(staff('manager'), commune, 'person', 'form')).toBe(false);
    expect(canSign(staff('leader', '/ninh-binh/giao-minh/'), commune, 'agency', 'outgoing')).toBe(false);
  });
});

describe('formSigning', () => {
  it('gives the one-stop unit’s forms to their issuer without a seal, the head’s forms to a leader with the seal', () => {
    expect(formSigning('01')).toEqual({ signer: 'issuer', roles: ['person'] });
    expect(formSigning('02')).toEqual({ signer: 'issuer', roles: ['person'] });
    for (const form of ['03', '04', '05'] as const) expect(formSigning(form)).toEqual({ signer: 'head', roles: ['person', 'agency'] });
  });
});
