import type { Translation } from '../en.ts';

/** English: e-form declarations on the portal and at the counter. */
export const eformEn: Translation['eform'] = {
  title: 'Declaration (e-form)',
  legalForm: '{{name}} ({{basis}})',
  mode: 'How to provide the declaration',
  modeForm: 'Fill in the e-form',
  modeScan: 'Upload a scanned declaration',
  verified: 'Verified by VNeID',
  verifiedHint: 'Fields marked “Verified by VNeID” come from your e-ID account and cannot be edited.',
  signInHint: 'Sign in with VNeID to have verified details filled in for you.',
  signIn: 'Sign in with VNeID',
  filledByForm: 'This paper is replaced by the e-form above.',
  fixErrors: 'Please check the marked fields of the declaration.',
  choose: 'Choose',
  printDeclaration: 'Print the declaration',
};
