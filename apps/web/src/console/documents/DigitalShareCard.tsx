import { Card, Group, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { useOfficeSummary } from './documents.api.ts';

/** The workspace's card: the share of outgoing documents issued this year that were signed digitally, and incoming ones overdue. */
export function DigitalShareCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const summary = useOfficeSummary(`${year}-01-01`, `${year}-12-31`);
  const rows = summary.data?.items ?? [];
  const issued = rows.reduce((sum, r) => sum + r.issued, 0);
  const signed = rows.reduce((sum, r) => sum + r.digitallySigned, 0);
  const overdue = rows.reduce((sum, r) => sum + r.incomingOverdue, 0);
  const share = issued === 0 ? null : signed / issued;
  return (
    <Card component={Link} to="/console/van-ban" padding="md" style={{ color: 'inherit', textDecoration: 'none' }} data-testid="digital-share">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="teal" size={44} radius="md">
          <IconSignature size={24} stroke={1.7} aria-hidden="true" />
        </ThemeIcon>
        <Stack gap={4} style={{ flex: 1 }}>
          <Text size="sm" fw={600}>{t('documents.share.title', { year })}</Text>
          <Text fz={30} fw={700} lh={1.1} className="motcua-figures">{summary.isError ? '—' : summary.isPending ? '…' : formatPercent(share)}</Text>
          {share !== null && <Progress value={share * 100} color="teal" size="sm" aria-hidden="true" />}
          <Text size="xs" c="gray.7">
            {issued === 0 ? t('documents.share.none') : t('documents.share.value', { signed: formatNumber(signed), issued: formatNumber(issued) })}
          </Text>
          {overdue > 0 && <Text size="xs" c="red.8" fw={600}>{t('documents.share.overdue', { count: overdue })}</Text>}
        </Stack>
      </Group>
    </Card>
  );
}
