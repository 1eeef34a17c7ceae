import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { ChannelLabel, DeliveryStatusBadge } from './NotificationBadges.tsx';
import { useDossierNotifications } from './notifications.api.ts';

/** On a dossier's page: what the applicant (and staff) were told about it, newest first; each opens in "Thông báo". */
export function DossierNotifications({ dossierId, code }: { dossierId: number; code: string }) {
  const { t } = useTranslation();
  const list = useDossierNotifications(dossierId);
  if (list.isError) return null;
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dossier-notifications-title" data-testid="dossier-notifications">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="dossier-notifications-title">{t('notifications.dossier.title')}</Title>
        {items.length > 0 && <Anchor component={Link} to={`/console/thong-bao?ho-so=${encodeURIComponent(code)}`} size="sm">{t('notifications.dossier.all')}</Anchor>}
      </Group>
      {list.isSuccess && items.length === 0 && <Text size="sm" c="gray.7">{t('notifications.dossier.empty')}</Text>}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((m) => (
          <li key={m.id}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} miw={0}>
                <Anchor component={Link} to={`/console/thong-bao?ho-so=${encodeURIComponent(code)}&id=${m.id}`} size="sm" fw={600}>
                  {t(`notifications.kind.${m.kind}`)}
                </Anchor>
                <Group gap={6} wrap="nowrap">
                  <ChannelLabel channel={m.channel} />
                  <Text size="xs" c="gray.7" truncate="end" className="motcua-code">{m.destination}</Text>
                </Group>
                <Text size="xs" c="gray.7">{formatDateTime(m.sentAt ?? m.createdAt)}</Text>
              </Stack>
              <DeliveryStatusBadge status={m.status} size="sm" style={{ flexShrink: 0 }} />
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
