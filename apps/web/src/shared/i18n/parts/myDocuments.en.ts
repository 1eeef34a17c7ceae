import type { Translation } from '../en.ts';

/** English: the documents a signed-in citizen downloads from their dossier in "My dossiers". */
export const myDocumentsEn: Translation['myDocuments'] = {
  title: 'Download documents',
  download: 'Download {{name}}',
  declaration: 'E-form declaration (PDF)',
  receipt: 'Receipt and appointment slip (PDF)',
};
