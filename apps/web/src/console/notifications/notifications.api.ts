/**
 * Messages and their templates (`/api/v1/notifications…`, `/api/v1/notification-templates…`).
 * Shapes are the server's OpenAPI document's (../../shared/openapi.ts).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiBody, type ApiItem, type ApiQuery, type ApiResponse } from '../../shared/api.ts';
import { idempotencyHeader, newIdempotencyKey } from '../../shared/idempotency.ts';

export type NotificationItem = ApiItem<'/notifications'>;
export type NotificationDetail = ApiResponse<'/notifications/{id}'>;
export type NotificationQuery = ApiQuery<'/notifications'> & { limit: number; offset: number };
export type TemplateEntry = ApiItem<'/notification-templates'>;
export type TemplateText = ApiBody<'/notification-templates/{kind}/{channel}', 'put'>;
export type TemplatePreview = ApiResponse<'/notification-templates/{kind}/{channel}/preview', 'post'>;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: NotificationQuery) => ['notifications', 'list', query] as const,
  detail: (id: number) => ['notifications', 'detail', id] as const,
  dossier: (id: number) => ['notifications', 'dossier', id] as const,
  templates: ['notification-templates'] as const,
};

export function useNotificationList(query: NotificationQuery) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => client.get('/notifications', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useNotification(id: number | undefined) {
  return useQuery({
    queryKey: notificationKeys.detail(id ?? 0),
    queryFn: ({ signal }) => client.get('/notifications/{id}', { params: { id: id! }, signal }),
    enabled: id !== undefined && id > 0,
    staleTime: 0,
  });
}

export function useDossierNotifications(dossierId: number) {
  return useQuery({
    queryKey: notificationKeys.dossier(dossierId),
    queryFn: ({ signal }) => client.get('/dossiers/{id}/notifications', { params: { id: dossierId }, query: { limit: 20 }, signal }),
  });
}

/** Sends a message again; one key per click, so a retried request queues it once. */
export function useResend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => client.post('/notifications/{id}/resend', undefined, { params: { id }, headers: { [idempotencyHeader]: newIdempotencyKey() } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useTemplates() {
  return useQuery({ queryKey: notificationKeys.templates, queryFn: ({ signal }) => client.get('/notification-templates', { signal }) });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, channel, text }: { kind: TemplateEntry['kind']; channel: TemplateEntry['channel']; text: TemplateText }) =>
      client.put('/notification-templates/{kind}/{channel}', text, { params: { kind, channel } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.templates }),
  });
}

export function useResetTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, channel }: { kind: TemplateEntry['kind']; channel: TemplateEntry['channel'] }) =>
      client.delete('/notification-templates/{kind}/{channel}', { params: { kind, channel } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.templates }),
  });
}

export function previewTemplate(kind: TemplateEntry['kind'], channel: TemplateEntry['channel'], text: TemplateText, signal?: AbortSignal) {
  return client.post('/notification-templates/{kind}/{channel}/preview', text, { params: { kind, channel }, signal });
}
