/**
 * The document office endpoints (`/api/v1/documents…`): the registers, one document with the steps
 * the server allows now, registering, drafting, steps, and the dashboard's figures. Shapes are the
 * server's OpenAPI document's (../../shared/openapi.ts); the web app decides no rule.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';

export type DocumentListItem = ApiItem<'/documents'>;
export type DocumentDetail = ApiResponse<'/documents/{id}'>;
export type DocumentQuery = ApiQuery<'/documents'> & { limit: number; offset: number };
export type IncomingInput = ApiBody<'/documents/incoming'>;
export type OutgoingInput = ApiBody<'/documents/outgoing'>;
export type DocumentActionInput = ApiBody<'/documents/{id}/actions'>;
export type OfficeSummaryRow = ApiItem<'/documents/summary'>;

export const documentKeys = {
  all: ['documents'] as const,
  list: (query: DocumentQuery) => ['documents', 'list', query] as const,
  detail: (id: string) => ['documents', 'detail', id] as const,
  summary: (from: string, to: string) => ['documents', 'summary', from, to] as const,
};

export function useDocumentList(query: DocumentQuery) {
  return useQuery({
    queryKey: documentKeys.list(query),
    queryFn: ({ signal }) => client.get('/documents', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({ queryKey: documentKeys.detail(id), queryFn: ({ signal }) => client.get('/documents/{id}', { params: { id }, signal }) });
}

export function useOfficeSummary(from: string, to: string) {
  return useQuery({ queryKey: documentKeys.summary(from, to), queryFn: ({ signal }) => client.get('/documents/summary', { query: { from, to }, signal }) });
}

export function useRegisterIncoming() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: IncomingInput) => client.post('/documents/incoming', input),
    onSuccess: () => queries.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useDraftOutgoing() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: OutgoingInput) => client.post('/documents/outgoing', input),
    onSuccess: () => queries.invalidateQueries({ queryKey: documentKeys.all }),
  });
}

export function useDocumentAction(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentActionInput) => client.post('/documents/{id}/actions', input, { params: { id } }),
    onSuccess: (detail) => {
      queries.setQueryData(documentKeys.detail(id), detail);
      return queries.invalidateQueries({ queryKey: documentKeys.all });
    },
  });
}

/** The document's file, opened in a new tab. */
export const documentFileUrl = (id: string): string => `/api/v1/documents/${encodeURIComponent(id)}/file`;
