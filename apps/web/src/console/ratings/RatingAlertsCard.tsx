import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMoodSad } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../shared/format.ts';
import { useRatingAlerts } from './ratings.api.ts';

/** The workspace's figure for leaders and managers: low ratings of their units not yet handled, a link to the list. */
export function RatingAlertsCard() {
  const { t } = useTranslation();
  const alerts = useRatingAlerts({ state: 'open', limit: 1, offset: 0 });
  const open = alerts.data?.open;
  const alarming = (open ?? 0) > 0;
  return (
    <Card component={Link} to="/console/danh-gia" padding="md" style={{ color: 'inherit', textDecoration: 'none' }} data-count="low-ratings">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant={alarming ? 'filled' : 'light'} color="orange" size={44} radius="md">
          <IconMoodSad size={24} stroke={1.7} aria-hidden="true" />
        </ThemeIcon>
        <Stack gap={0}>
          <Text fz={30} fw={700} lh={1.1} className="motcua-figures" c={alarming ? 'orange.9' : undefined}>
            {alerts.isError ? '—' : open === undefined ? '…' : formatNumber(open)}
          </Text>
          <Text size="sm" fw={600}>{t('ratings.console.home.title')}</Text>
          <Text size="xs" c="gray.7">{t('ratings.console.home.hint')}</Text>
        </Stack>
      </Group>
    </Card>
  );
}
