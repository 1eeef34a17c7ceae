import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { useFeedbackFigures, type FeedbackFiguresReport } from '../feedback/feedback.api.ts';
import type { ReportFilters } from './reportQuery.ts';
import classes from './Reports.module.css';

type Figures = FeedbackFiguresReport['total'];

function FigureCard({ name, title, value, children, tone }: { name: string; title: string; value: string; children: ReactNode; tone?: 'red' }) {
  return (
    <Card padding="sm" data-card={name}>
      <Text size="sm" c="gray.7" fw={600} lh={1.3}>{title}</Text>
      <Text className={classes.cardValue} component="p" m={0} c={tone === 'red' ? 'red.8' : undefined}>{value}</Text>
      <Text size="xs" c="gray.7" mt={4} lh={1.4} className="motcua-figures">{children}</Text>
    </Card>
  );
}

const columns = ['received', 'answeredOnTime', 'answeredLate', 'refused', 'pending', 'pendingOverdue', 'onTimeShare'] as const;
type Column = (typeof columns)[number];
const header = {
  received: 'feedback.console.figures.received', answeredOnTime: 'feedback.console.figures.onTime', answeredLate: 'feedback.console.figures.late',
  refused: 'feedback.console.figures.refused', pending: 'feedback.console.figures.pending', pendingOverdue: 'feedback.console.figures.overdue',
  onTimeShare: 'feedback.console.figures.share',
} as const satisfies Record<Column, string>;
const cell = (f: Figures, c: Column) => (c === 'onTimeShare' ? formatPercent(f.onTimeShare) : formatNumber(f[c]));

/**
 * "Phản ánh, kiến nghị" on the managers' report page: for the page's period and agency, the
 * figures of docs/rules/service-quality.md in total and per unit. Every figure is the API's.
 */
export function FeedbackSection({ filters, period }: { filters: ReportFilters; period: string }) {
  const { t } = useTranslation();
  const figures = useFeedbackFigures({ from: filters.from, to: filters.to, ...(filters.agency ? { agency: filters.agency } : {}) });
  const data = figures.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-feedback-title" data-testid="report-feedback">
      <Group justify="space-between" align="center" gap="xs">
        <Stack gap={0}>
          <Title order={2} fz="lg" id="report-feedback-title">{t('feedback.console.figures.title')}</Title>
          <Text size="xs" c="gray.7">{t('feedback.console.figures.hint')}</Text>
        </Stack>
        <Anchor component={Link} to="/console/phan-anh" size="sm">{t('feedback.console.figures.openList')}</Anchor>
      </Group>
      {figures.isError && !data ? (
        <ErrorState title={t('feedback.console.figures.errorTitle')} error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !data ? (
        <Skeleton h={104} role="status" aria-label={t('common.loading')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" role="group" aria-label={t('feedback.console.figures.cardsLabel')}>
            <FigureCard name="received" title={t('feedback.console.figures.received')} value={formatNumber(data.total.received)}>
              {t('feedback.console.figures.receivedDetail', { refused: formatNumber(data.total.refused) })}
            </FigureCard>
            <FigureCard name="onTime" title={t('feedback.console.figures.onTime')} value={formatNumber(data.total.answeredOnTime)}>
              {t('feedback.console.figures.onTimeDetail', { share: formatPercent(data.total.onTimeShare) })}
            </FigureCard>
            <FigureCard name="late" title={t('feedback.console.figures.late')} value={formatNumber(data.total.answeredLate)} tone={data.total.answeredLate > 0 ? 'red' : undefined}>
              {t('feedback.console.figures.lateDetail')}
            </FigureCard>
            <FigureCard name="pending" title={t('feedback.console.figures.pending')} value={formatNumber(data.total.pending)}>
              {t('feedback.console.figures.pendingDetail', { overdue: formatNumber(data.total.pendingOverdue) })}
            </FigureCard>
            <FigureCard name="overdue" title={t('feedback.console.figures.overdue')} value={formatNumber(data.total.pendingOverdue)} tone={data.total.pendingOverdue > 0 ? 'red' : undefined}>
              {t('feedback.console.figures.overdueDetail')}
            </FigureCard>
          </SimpleGrid>
          {data.rows.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="feedback-figures-empty">{t('feedback.console.figures.empty')}</Text>
          ) : (
            <div className={classes.tableBox} tabIndex={0} data-testid="feedback-figures-table">
              <table className={classes.table}>
                <caption><VisuallyHidden>{t('feedback.console.figures.caption', { period })}</VisuallyHidden></caption>
                <thead>
                  <tr>
                    <th scope="col" className={classes.agencyCell}>{t('feedback.console.figures.unit')}</th>
                    {columns.map((c) => <th key={c} scope="col">{t(header[c])}</th>)}
                  </tr>
                </thead>
                <tbody>
                  <tr className={classes.totalRow} data-group="total">
                    <th scope="row" className={classes.agencyCell}>{t('feedback.console.figures.total')}</th>
                    {columns.map((c) => <td key={c} className={classes.num} data-key={c}>{cell(data.total, c)}</td>)}
                  </tr>
                  {data.rows.map((row) => (
                    <tr key={row.agencyId} className={classes.row} data-group={row.agencyCode}>
                      <th scope="row" className={classes.agencyCell} style={{ fontWeight: 400 }} title={`${row.agencyName} (${row.agencyCode})`}>
                        <span className={classes.agencyName}>{row.agencyName}</span>
                      </th>
                      {columns.map((c) => <td key={c} className={classes.num} data-key={c}>{cell(row, c)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
