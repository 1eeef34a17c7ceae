import { describe, expect, it } from 'vitest';
import { destinationKey, staffDestination } from '../../src/modules/notifications/dossier-notices.ts';

describe('notification destinations', () => {
  it('compares addresses as a person would: e-mail without case, phones without spaces and with +84 as 0', () => {
    expect(destinationKey('email', ' An.Nguyen@Example.VN ')).toBe(destinationKey('email', 'an.nguyen@example.vn'));
    expect(destinationKey('sms', '+84 912 345 678')).toBe(destinationKey('sms', '0912345678'));
    expect(destinationKey('sms', '0912.345.678')).toBe(destinationKey('sms', '0912345678'));
    expect(destinationKey('sms', '0912345678')).not.toBe(destinationKey('email', '0912345678'));
  });

  it('writes to staff by e-mail, else by SMS, else not at all', () => {
    expect(staffDestination({ email: 'minh@example.vn', phone: '0912345678' })).toEqual({ channel: 'email', destination: 'minh@example.vn' });
    expect(staffDestination({ email: ' ', phone: '0912345678' })).toEqual({ channel: 'sms', destination: '0912345678' });
    expect(staffDestination({ email: null, phone: null })).toBeUndefined();
  });
});
