/** How the document office's values read in the UI: the domain's names of the kinds of document, in the active language. */
import { officialDocumentTypeDefinitions, officialDocumentTypes, type OfficialDocumentType } from '@motcua/domain';
import type { Language } from '../../shared/i18n/index.ts';

export const typeLabel = (type: OfficialDocumentType, language: Language): string => officialDocumentTypeDefinitions[type][language];

export const typeOptions = (language: Language) => officialDocumentTypes.map((value) => ({ value, label: typeLabel(value, language) }));
