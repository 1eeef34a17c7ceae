import { useApplicantDocuments, type DocumentType } from './dataStore.api.ts';
import { StoredDocumentPicker } from './StoredDocumentPicker.tsx';

/**
 * At the counter, once the officer has checked the applicant's ID card and entered the 12-digit
 * personal ID number: that person's stored documents of the component's kind (the server writes
 * each lookup to the audit trail).
 */
export function ApplicantStoredDocumentPicker(props: {
  personalId: string;
  documentType: DocumentType | null | undefined;
  componentName: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const documents = useApplicantDocuments(props.personalId.trim(), props.documentType ?? undefined);
  if (!props.documentType || !documents.data) return null;
  return <StoredDocumentPicker documents={documents.data.items} value={props.value} onChange={props.onChange} componentName={props.componentName} />;
}
