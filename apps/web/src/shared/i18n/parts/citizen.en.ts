import type { citizenVi } from './citizen.vi.ts';

export const citizenEn: typeof citizenVi = {
  signIn: 'Sign in with VNeID',
  signInHint: 'Sign in with your VNeID electronic identity',
  accountMenu: 'Account of {{name}}',
  level: 'e-ID level {{level}}',
  myDossiers: 'My dossiers',
  myDataStore: 'My data store',
  signOut: 'Sign out',
  signOutFailed: 'Could not sign out, please try again.',
  signInFailed: {
    title: 'Sign-in failed',
    generic: 'Signing in with the e-ID did not work. Please try again.',
    retry: 'Sign in again',
    close: 'Close the message',
  },
  applicant: {
    self: 'You are filing for yourself: the details marked “Verified by VNeID” come from your electronic identity and cannot be changed.',
    forOther: 'File for someone else',
    other: 'You are filing for someone else: enter their details. The dossier still appears in your “My dossiers”.',
    forSelf: 'File for myself',
  },
};
