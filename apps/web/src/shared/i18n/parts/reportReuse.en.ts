import type { Translation } from '../en.ts';

/** English: reuse of the applicants' stored data on the managers' dashboard (docs/rules/statistics.md). */
export const reportReuseEn: Translation['reportReuse'] = {
  group: 'Reuse of stored data',
  reused: 'Dossiers',
  reuseRate: 'Rate',
  cardDetail: 'Reused stored data: {{reused}} dossiers ({{rate}})',
  hint: 'Newly received dossiers that used a document of the applicant’s data store instead of an upload; they count as digitized.',
};
