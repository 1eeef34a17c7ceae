import { z } from 'zod';
import type { AgencyRow } from './agencies.repository.ts';

export const AgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type AgencyView = z.infer<typeof AgencySchema>;

export function presentAgency(a: AgencyRow): AgencyView {
  return {
    id: a.id, code: a.code, name: a.name, level: a.level, parentId: a.parentId, validFrom: a.validFrom, validTo: a.validTo,
    successorCode: a.successorCode, shortName: a.shortName, address: a.address, phone: a.phone, email: a.email,
  };
}
