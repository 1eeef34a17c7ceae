import { Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ratesHeight, ratesOption, shareOption, trendOption } from './chartOptions.ts';
import { EChart } from './EChart.tsx';
import type { ReportFigures, ReportRow, TrendMonth } from './reports.api.ts';

interface Props {
  total: ReportFigures;
  /** The report's rows in table order. */
  rows: readonly ReportRow[];
  labelOf: (row: ReportRow) => string;
  trend: { items: TrendMonth[] | undefined; isPending: boolean; error: unknown; refetch: () => void; isFetching: boolean };
}

function ChartBox({ title, note, children, busy }: { title: string; note?: string | undefined; children: React.ReactNode; busy?: boolean }) {
  return (
    <Paper withBorder p="sm" h="100%">
      <Stack gap={6} h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} fz="md">{title}</Title>
          {busy && <Loader size="xs" />}
        </Group>
        {note && <Text size="xs" c="gray.7">{note}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}

/** Trend by month, result shares, and digitization and online rates by unit. */
export function ReportCharts({ total, rows, labelOf, trend }: Props) {
  const { t } = useTranslation();
  const monthParts = (month: string) => ({ month: month.slice(5, 7), year: month.slice(0, 4) });

  const trendChart = useMemo(() => trend.items && trendOption(trend.items, {
    received: t('console.reports.charts.received'),
    ahead: t('console.reports.charts.ahead'),
    onTime: t('console.reports.charts.onTime'),
    overdue: t('console.reports.charts.overdue'),
    monthShort: (m) => t('console.reports.charts.monthShort', monthParts(m)),
    monthLong: (m) => t('console.reports.charts.monthLong', monthParts(m)),
  }), [trend.items, t]);

  const shareChart = useMemo(() => shareOption(total, {
    ahead: t('console.reports.charts.ahead'),
    onTime: t('console.reports.charts.onTime'),
    overdue: t('console.reports.charts.overdue'),
    center: t('console.reports.charts.shareCenter'),
  }), [total, t]);

  const rateRows = useMemo(() => rows
    .filter((r) => r.receivedInPeriod > 0)
    .map((r) => ({ label: labelOf(r), digitizationRate: r.digitizationRate, onlineRate: r.onlineRate })), [rows, labelOf]);
  const ratesChart = useMemo(() => ratesOption(rateRows, {
    digitizationRate: t('console.reports.charts.digitizationRate'),
    onlineRate: t('console.reports.charts.onlineRate'),
  }), [rateRows, t]);

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <ChartBox title={t('console.reports.charts.trend')} note={t('console.reports.charts.trendNote')} busy={trend.isFetching && !trend.isPending}>
          {trend.isPending ? (
            <Loader size="sm" m="auto" />
          ) : trend.error ? (
            <ErrorState title={t('console.reports.charts.failed')} error={trend.error} onRetry={trend.refetch} />
          ) : !trendChart || !trend.items?.length ? (
            <Text size="sm" c="gray.7">{t('console.reports.charts.trendEmpty')}</Text>
          ) : (
            <EChart
              name="trend"
              option={trendChart}
              height={300}
              label={t('console.reports.charts.trendSummary', { months: trend.items.length })}
            />
          )}
        </ChartBox>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ChartBox title={t('console.reports.charts.share')}>
          {total.resolved === 0 ? (
            <Text size="sm" c="gray.7">{t('console.reports.charts.shareEmpty')}</Text>
          ) : (
            <EChart
              name="share"
              option={shareChart}
              height={300}
              label={t('console.reports.charts.shareSummary', {
                ahead: formatNumber(total.resolvedAhead),
                onTime: formatNumber(total.resolvedOnTime),
                overdue: formatNumber(total.resolvedOverdue),
                rate: formatPercent(total.onTimeRate),
              })}
            />
          )}
        </ChartBox>
      </Grid.Col>
      <Grid.Col span={12}>
        <ChartBox title={t('console.reports.charts.rates')}>
          {rateRows.length === 0 ? (
            <Text size="sm" c="gray.7">{t('console.reports.charts.ratesEmpty')}</Text>
          ) : (
            <EChart
              name="rates"
              option={ratesChart}
              height={ratesHeight(rateRows.length)}
              label={t('console.reports.charts.ratesSummary', { number: formatNumber(rateRows.length) })}
            />
          )}
        </ChartBox>
      </Grid.Col>
    </Grid>
  );
}
