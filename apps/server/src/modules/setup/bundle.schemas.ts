/**
 * The configuration bundle (docs/interfaces.md): `agencies.json`, `procedures.json`, optional
 * `holidays.json`, `users.json`. Unknown keys are allowed and ignored unless documented.
 */
import { z } from 'zod';
import { emailInput, inputText, openObject, staffRoles } from '@motcua/domain';

const PlainDate = inputText().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const AgencyBundleEntry = openObject({
  code: inputText().trim().min(1).max(64).regex(/^[^/\s]+$/, 'no spaces or slashes'),
  name: inputText().trim().min(1).max(300),
  level: inputText().trim().min(1).max(50),
  parentCode: inputText().trim().min(1).nullable().optional().transform((v) => v ?? null),
  validFrom: PlainDate.nullable().optional(),
  validTo: PlainDate.nullable().optional(),
  shortName: inputText().trim().min(1).max(100).optional(),
  address: inputText().trim().max(300).optional(),
  phone: inputText().trim().max(50).optional(),
  email: emailInput().optional(),
  /** The agency that took over after a merger or abolition (its history stays under this code). */
  successorCode: inputText().trim().min(1).max(64).optional(),
  /** Working periods of this agency's calendar, when they differ from 08:00–12:00, 13:00–17:00. */
  workingPeriods: z.array(z.object({ start: inputText(), end: inputText() })).min(1).max(6).optional(),
  /** Weekly rest days (0 = Sunday … 6 = Saturday), when they differ from Saturday and Sunday. */
  weeklyDaysOff: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  counters: z.array(z.object({ code: inputText().trim().min(1).max(64), name: inputText().trim().min(1).max(300), address: inputText().max(300).optional() })).max(50).optional(),
  units: z.array(z.object({ code: inputText().trim().min(1).max(64), name: inputText().trim().min(1).max(300) })).max(200).optional(),
});
export const AgencyBundle = z.array(AgencyBundleEntry);
export type AgencyBundleEntry = z.infer<typeof AgencyBundleEntry>;

export const UserBundleEntry = openObject({
  username: inputText().trim().min(3).max(64).regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ - only'),
  fullName: inputText().trim().min(1).max(200),
  email: emailInput().optional(),
  phone: inputText().optional(),
  /** Demo and first-install only: prefer `passwordHash` (argon2id) in real bundles. */
  password: inputText().min(8).max(200).optional(),
  passwordHash: inputText().startsWith('$argon2').optional(),
  roles: z.array(z.object({ role: z.enum(staffRoles), agency: inputText().min(1) })).min(1),
  /** The unit (phòng, ban) they work in: its agency's code and its code among that agency's `units`. */
  unit: z.object({ agency: inputText().min(1), code: inputText().trim().min(1).max(64) }).optional(),
}).refine((u) => Boolean(u.password) !== Boolean(u.passwordHash), {
  message: 'exactly one of password or passwordHash is required',
  path: ['password'],
});
export const UserBundle = z.array(UserBundleEntry);
export type UserBundleEntry = z.infer<typeof UserBundleEntry>;
