import { z } from 'zod';
import { agencyEndedOn } from '@motcua/domain';
import type { AgencyRow } from './agencies.repository.ts';

export const AgencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  endedOn: z.string().nullable().describe('the last day in force (validTo) once it is past on the server’s today: the agency has ended (merged or abolished); null while in force or only scheduled to end'),
  successorCode: z.string().nullable(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type AgencyView = z.infer<typeof AgencySchema>;

/** `today`: the server's local date (Asia/Ho_Chi_Minh), against which the agency has ended or not. */
export function presentAgency(a: AgencyRow, today: string): AgencyView {
  return {
    id: a.id, code: a.code, name: a.name, level: a.level, parentId: a.parentId, validFrom: a.validFrom, validTo: a.validTo, endedOn: agencyEndedOn(a, today),
    successorCode: a.successorCode, shortName: a.shortName, address: a.address, phone: a.phone, email: a.email,
  };
}
