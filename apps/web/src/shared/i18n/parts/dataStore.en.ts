import type { Translation } from '../en.ts';

/** English: the citizen's data store (`/kho-du-lieu`) and picking stored documents when filing. */
export const dataStoreEn: Translation['dataStore'] = {
  title: 'My data store',
  intro: 'Digitized papers and electronic results from your dossiers. When you file a new dossier you can reuse a valid one instead of uploading it again.',
  signInFirst: 'Sign in with your e-ID (VNeID) to see your data store.',
  signIn: 'Sign in with VNeID',
  loadFailed: 'Could not load the data store',
  empty: 'Your data store holds no document yet.',
  otherType: 'Other document',
  origin: { digitized_component: 'Digitized dossier component', result: 'Electronic result' },
  issuingAgencyOf: { digitized_component: 'Digitized by', result: 'Issued by' },
  issuedOnOf: { digitized_component: 'Digitized on', result: 'Issued on' },
  sourceDossier: 'Source dossier',
  hash: 'Hash (SHA-256)',
  download: 'Download',
  validUntil: 'Valid until {{date}}',
  validNoExpiry: 'Valid',
  expired: 'Expired after {{date}}',
  fromDossier: 'dossier {{code}}',
  picker: {
    title: 'Or use a document from the data store:',
    label: 'Stored documents for {{name}}',
  },
  counter: {
    lookupHint: 'After checking the applicant’s ID card you may use documents from their data store (the lookup is logged).',
  },
};
