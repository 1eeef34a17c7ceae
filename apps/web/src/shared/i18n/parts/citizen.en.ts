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
};
