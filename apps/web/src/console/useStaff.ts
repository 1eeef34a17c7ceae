import { useOutletContext } from 'react-router';
import type { StaffProfile } from './auth/session.ts';

/** The signed-in staff member, for pages inside the console shell (which guarantees one). */
export function useStaff(): StaffProfile {
  return useOutletContext<StaffProfile>();
}
