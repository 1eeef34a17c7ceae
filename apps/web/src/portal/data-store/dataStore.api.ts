/**
 * The citizen's data store (kho dữ liệu, docs/rules/data-store.md) as the server answers it: the
 * signed-in citizen's own documents, and at the counter an applicant's documents after the
 * officer has checked their ID card (every lookup is audited by the server).
 */
import { useQuery } from '@tanstack/react-query';
import { client, type ApiResponse } from '../../shared/api.ts';

export type StoredDocument = ApiResponse<'/citizen/documents'>['items'][number];
export type DocumentType = NonNullable<StoredDocument['documentType']>;

/** The signed-in citizen's documents (all, or of one kind); disabled when nobody is signed in. */
export function useMyDocuments(options: { documentType?: DocumentType | undefined; enabled?: boolean } = {}) {
  const { documentType, enabled = true } = options;
  return useQuery({
    queryKey: ['citizen', 'documents', documentType ?? null],
    queryFn: ({ signal }) => client.get('/citizen/documents', { query: documentType ? { documentType } : {}, signal }),
    enabled,
  });
}

/** At the counter: the applicant's documents of one kind, once a 12-digit personal ID number is entered. */
export function useApplicantDocuments(personalId: string, documentType: DocumentType | undefined) {
  const valid = /^\d{12}$/.test(personalId);
  return useQuery({
    queryKey: ['applicant-documents', personalId, documentType ?? null],
    queryFn: ({ signal }) => client.get('/applicant-documents', { query: { personalId, ...(documentType ? { documentType } : {}) }, signal }),
    enabled: valid && Boolean(documentType),
    staleTime: 60_000,
  });
}
