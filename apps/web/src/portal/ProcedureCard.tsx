import { Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCurrency } from '../shared/format.ts';
import { vi } from '../shared/i18n/vi.ts';
import type { PublicProcedure } from './procedures.api.ts';
import classes from './ProcedureCard.module.css';

export function ProcedureCard({ procedure }: { procedure: PublicProcedure }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="md" fw={650} lh={1.4}>{procedure.name}</Title>
          {procedure.fullyOnline && (
            <Badge color="green" leftSection={<IconWorld size={12} aria-hidden="true" />} style={{ flex: 'none' }}>
              {t('portal.procedures.fullyOnline')}
            </Badge>
          )}
        </Group>
        <dl className={classes.facts}>
          <div>
            <dt>{t('portal.procedures.code')}</dt>
            <dd className="motcua-code">{procedure.code}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.field')}</dt>
            <dd>{procedure.field}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.level')}</dt>
            <dd>{procedure.levels.map((level) => levelLabel(t, level)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.processingTime')}</dt>
            <dd>{processingTimeLabel(t, procedure.processingTime)}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.fee')}</dt>
            <dd className="motcua-figures">
              {!procedure.fee || procedure.fee.amount === 0 ? t('portal.procedures.free') : formatCurrency(procedure.fee.amount)}
            </dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}

/** `5 ngày làm việc`, `Trong ngày (nhận trước 15:00)`. */
export function processingTimeLabel(t: TFunction, time: PublicProcedure['processingTime']): string {
  switch (time.unit) {
    case 'same_day':
      return t('portal.procedures.time.same_day', { cutoff: time.cutoff ?? '15:00' });
    case 'working_days':
      return t('portal.procedures.time.working_days', { count: time.value });
    case 'working_hours':
      return t('portal.procedures.time.working_hours', { count: time.value });
    case 'days':
      return t('portal.procedures.time.days', { count: time.value });
    default:
      return String(time.value);
  }
}

type Level = keyof typeof vi.portal.procedures.levels;

function levelLabel(t: TFunction, level: string): string {
  return level in vi.portal.procedures.levels ? t(`portal.procedures.levels.${level as Level}`) : level;
}

