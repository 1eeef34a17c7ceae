import { Card, SimpleGrid, Text } from '@mantine/core';
import type { StatisticsKey } from '@motcua/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { formatAverage } from './figures.ts';
import type { ReportFigures } from './reports.api.ts';
import classes from './Reports.module.css';

interface CardProps {
  name: string;
  title: string;
  value: string;
  /** The key whose dossiers the value opens (a count), if any. */
  opens?: { key: StatisticsKey; count: number } | undefined;
  onOpen: (key: StatisticsKey) => void;
  children?: ReactNode;
  alert?: boolean;
}

function SummaryCard({ name, title, value, opens, onOpen, children, alert }: CardProps) {
  const { t } = useTranslation();
  return (
    <Card padding="sm" className={alert ? classes.cardAlert : undefined} data-card={name}>
      <Text size="sm" c="gray.7" fw={600} lh={1.3}>{title}</Text>
      {opens && opens.count > 0 ? (
        <button
          type="button"
          className={classes.cardValueButton}
          onClick={() => onOpen(opens.key)}
          aria-label={t('console.reports.cards.open', { number: value, what: t(`console.reports.keys.${opens.key}`) })}
        >
          {value}
        </button>
      ) : (
        <Text className={classes.cardValue} component="p" m={0}>{value}</Text>
      )}
      <Text size="xs" c="gray.7" mt={4} lh={1.4} className="motcua-figures">{children}</Text>
    </Card>
  );
}

/** Six figures of the period at a glance, each the API's own; a count opens its dossiers. */
export function SummaryCards({ total, onOpen }: { total: ReportFigures; onOpen: (key: StatisticsKey) => void }) {
  const { t } = useTranslation();
  const overdue = total.inProgressOverdue;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-label={t('console.reports.cards.label')} role="group">
      <SummaryCard
        name="received"
        title={t('console.reports.cards.received')}
        value={formatNumber(total.received)}
        opens={{ key: 'received', count: total.received }}
        onOpen={onOpen}
      >
        {t('console.reports.cards.receivedDetail', { carriedOver: formatNumber(total.carriedOver), inPeriod: formatNumber(total.receivedInPeriod) })}
      </SummaryCard>
      <SummaryCard
        name="resolved"
        title={t('console.reports.cards.resolved')}
        value={formatNumber(total.resolved)}
        opens={{ key: 'resolved', count: total.resolved }}
        onOpen={onOpen}
      >
        {t('console.reports.cards.resolvedDetail')}: <b>{formatPercent(total.onTimeRate)}</b>
      </SummaryCard>
      <SummaryCard
        name="inProgress"
        title={t('console.reports.cards.inProgress')}
        value={formatNumber(total.inProgress)}
        opens={{ key: 'inProgress', count: total.inProgress }}
        onOpen={onOpen}
        alert={overdue > 0}
      >
        {overdue > 0 ? (
          <>
            <Text span inherit c="red.8" fw={700}>{t('console.reports.cards.inProgressOverdue', { number: formatNumber(overdue) })}</Text>
            {' · '}
            {t('console.reports.cards.inProgressOnTime', { number: formatNumber(total.inProgressOnTime) })}
          </>
        ) : t('console.reports.cards.inProgressNoneOverdue')}
      </SummaryCard>
      <SummaryCard
        name="digitization"
        title={t('console.reports.cards.digitization')}
        value={formatPercent(total.digitizationRate)}
        onOpen={onOpen}
      >
        {t('console.reports.cards.digitizationDetail', { digitized: formatNumber(total.digitized), inPeriod: formatNumber(total.receivedInPeriod) })}
        <br />
        <span data-figure="reused" title={t('reportReuse.hint')}>
          {t('reportReuse.cardDetail', { reused: formatNumber(total.reused), rate: formatPercent(total.reuseRate) })}
        </span>
      </SummaryCard>
      <SummaryCard
        name="online"
        title={t('console.reports.cards.online')}
        value={formatPercent(total.onlineRate)}
        onOpen={onOpen}
      >
        {t('console.reports.cards.onlineDetail', { online: formatNumber(total.online), inPeriod: formatNumber(total.receivedInPeriod) })}
      </SummaryCard>
      <SummaryCard
        name="satisfaction"
        title={t('console.reports.cards.satisfaction')}
        value={total.ratings.average === null ? '—' : t('console.reports.cards.satisfactionValue', { average: formatAverage(total.ratings.average) })}
        onOpen={onOpen}
      >
        {total.ratings.count > 0
          ? t('console.reports.cards.satisfactionDetail', { number: formatNumber(total.ratings.count) })
          : t('console.reports.cards.satisfactionNone')}
      </SummaryCard>
    </SimpleGrid>
  );
}
