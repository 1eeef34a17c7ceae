import { useCitizen } from '../citizen/session.ts';
import { useMyDocuments, type DocumentType } from './dataStore.api.ts';
import { StoredDocumentPicker } from './StoredDocumentPicker.tsx';

/**
 * On the portal: the signed-in citizen's stored documents of a component's kind of paper, to use
 * instead of an upload. Nothing for a signed-out visitor or a component of no listed kind.
 */
export function MyStoredDocumentPicker(props: {
  documentType: DocumentType | null | undefined;
  componentName: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const citizen = useCitizen();
  const documents = useMyDocuments({ documentType: props.documentType ?? undefined, enabled: Boolean(citizen.data && props.documentType) });
  if (!props.documentType || !documents.data) return null;
  return <StoredDocumentPicker documents={documents.data.items} value={props.value} onChange={props.onChange} componentName={props.componentName} />;
}
