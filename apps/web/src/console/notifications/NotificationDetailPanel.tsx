import { Alert, Anchor, Button, CloseButton, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { isApiError } from '../../shared/api.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ChannelLabel, DeliveryStatusBadge } from './NotificationBadges.tsx';
import { useNotification, useResend } from './notifications.api.ts';

/** One message: the text as it was sent, where to, every instant of its delivery, the error, and "Gửi lại". */
export function NotificationDetailPanel({ id, onClose, onOpen }: { id: number; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const detail = useNotification(id);
  const resend = useResend();

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) return <ErrorState title={t('notifications.detail.title')} error={detail.error} onRetry={() => void detail.refetch()} />;
  const m = detail.data;
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w="40%" fw={500} c="gray.7">{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  const onResend = () => resend.mutate(m.id, {
    onSuccess: (created) => {
      toasts.show({ color: 'green', message: t('notifications.detail.resent', { id: created.id }) });
      onOpen(created.id);
    },
    onError: (error) => toasts.show({ color: 'red', message: isApiError(error) ? localized(error.messages, language) : t('errors.unexpected') }),
  });

  return (
    <Stack gap="sm" data-testid="notification-detail">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Title order={2} fz="h4">{t(`notifications.kind.${m.kind}`)}</Title>
          <Group gap="xs">
            <DeliveryStatusBadge status={m.status} />
            <ChannelLabel channel={m.channel} />
            <Text size="xs" c="gray.7">#{m.id}</Text>
          </Group>
        </Stack>
        <CloseButton aria-label={t('notifications.detail.close')} onClick={onClose} />
      </Group>

      {m.lastError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('notifications.detail.lastError')}>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>{m.lastError}</Text>
        </Alert>
      )}

      <Paper withBorder p="sm" bg="gray.0">
        {m.body === null ? (
          <Text size="sm" c="gray.7">{t('notifications.detail.notSentYet')}</Text>
        ) : (
          <Stack gap={6}>
            {m.subject && <Text fw={650} size="sm">{m.subject}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} aria-label={t('notifications.detail.body')}>{m.body}</Text>
          </Stack>
        )}
      </Paper>

      <Table fz="sm" verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
        <Table.Tbody>
          {row(t('notifications.detail.destination'), (
            <Stack gap={0}>
              {m.recipientName && <Text size="sm" fw={500}>{m.recipientName}</Text>}
              <Text size="sm" className="motcua-code">{m.destination}{m.destinationMasked ? ` (${t('notifications.detail.masked')})` : ''}</Text>
            </Stack>
          ))}
          {m.dossierCode && m.dossierId !== null && row(t('notifications.columns.dossier'), (
            <Anchor component={Link} to={`/console/ho-so/${m.dossierId}`} className="motcua-code" size="sm">{m.dossierCode}</Anchor>
          ))}
          {row(t('notifications.detail.language'), t(`language.${m.locale}`))}
          {row(t('notifications.detail.attempts'), m.attempts)}
          {row(t('notifications.detail.createdAt'), formatDateTime(m.createdAt))}
          {m.nextAttemptAt && row(t('notifications.detail.nextAttemptAt'), formatDateTime(m.nextAttemptAt))}
          {m.sentAt && row(t('notifications.detail.sentAt'), formatDateTime(m.sentAt))}
          {m.deliveredAt && row(t('notifications.detail.deliveredAt'), formatDateTime(m.deliveredAt))}
          {m.failedAt && row(t('notifications.detail.failedAt'), formatDateTime(m.failedAt))}
          {m.providerMessageId && row(t('notifications.detail.providerId'), <Code>{m.providerMessageId}</Code>)}
          {m.resendOf !== null && row(t('notifications.detail.resendOf'), (
            <Anchor component="button" type="button" size="sm" onClick={() => onOpen(m.resendOf!)}>#{m.resendOf}</Anchor>
          ))}
          {m.resends.length > 0 && row(t('notifications.detail.resends'), (
            <Group gap={6}>
              {m.resends.map((r) => (
                <Anchor key={r.id} component="button" type="button" size="sm" onClick={() => onOpen(r.id)}>
                  #{r.id} · {t(`notifications.status.${r.status}`)}
                </Anchor>
              ))}
            </Group>
          ))}
        </Table.Tbody>
      </Table>

      {m.canResend ? (
        <Button leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={onResend} loading={resend.isPending} style={{ alignSelf: 'flex-start' }}
          color={m.status === 'failed' ? 'red.9' : undefined} variant={m.status === 'failed' ? 'filled' : 'light'}>
          {t('notifications.detail.resend')}
        </Button>
      ) : (
        m.status !== 'queued' && m.status !== 'sending' && <Text size="xs" c="gray.7">{t('notifications.detail.cannotResend')}</Text>
      )}
    </Stack>
  );
}
