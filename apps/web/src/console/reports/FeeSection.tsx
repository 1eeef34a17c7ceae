import { Button, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import type { problemFromBody } from '../../shared/api.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { downloadFile } from './download.ts';
import { feeApiQuery, feeExportUrl, type ReportFilters } from './reportQuery.ts';
import { useFees, type FeeFigures, type FeeRow } from './reports.api.ts';
import classes from './Reports.module.css';

type GroupBy = 'agency' | 'procedure' | 'month';

function FeeCard({ name, title, value, unit, children }: { name: string; title: string; value: string; unit?: string; children: ReactNode }) {
  return (
    <Card padding="sm" data-card={name}>
      <Text size="sm" c="gray.7" fw={600} lh={1.3}>{title}</Text>
      <Text className={unit ? classes.moneyValue : classes.cardValue} component="p" m={0}>
        {value}{unit && <span className={classes.moneyUnit}>{unit}</span>}
      </Text>
      <Text size="xs" c="gray.7" mt={4} lh={1.4} className="motcua-figures">{children}</Text>
    </Card>
  );
}

/** Six figures at a glance, each the API's own (amounts in đồng, the share as the server's fraction). */
function FeeCards({ total }: { total: FeeFigures }) {
  const { t } = useTranslation();
  const money = (amount: number) => t('reportFees.amount', { amount: formatNumber(amount) });
  const unit = t('reportFees.unit');
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" role="group" aria-label={t('reportFees.cards.label')}>
      <FeeCard name="collected" title={t('reportFees.cards.collected')} value={formatNumber(total.collected.total)} unit={unit}>
        {t('reportFees.cards.collectedDetail', { payments: formatNumber(total.payments), due: money(total.amountDue), dossiers: formatNumber(total.dossiersWithFee) })}
      </FeeCard>
      <FeeCard name="refunded" title={t('reportFees.cards.refunded')} value={formatNumber(total.refunded)} unit={unit}>
        {t('reportFees.cards.refundedDetail')}
      </FeeCard>
      <FeeCard name="waived" title={t('reportFees.cards.waived')} value={formatNumber(total.waived)} unit={unit}>
        {t('reportFees.cards.waivedDetail', { atReception: money(total.waivedAtReception) })}
      </FeeCard>
      <FeeCard name="outstanding" title={t('reportFees.cards.outstanding')} value={formatNumber(total.outstanding)} unit={unit}>
        {t('reportFees.cards.outstandingDetail')}
      </FeeCard>
      <FeeCard name="pending" title={t('reportFees.cards.pending')} value={formatNumber(total.pendingOnline)} unit={unit}>
        {t('reportFees.cards.pendingDetail', { orders: formatNumber(total.pendingOrders) })}
      </FeeCard>
      <FeeCard name="onlineShare" title={t('reportFees.cards.onlineShare')} value={formatPercent(total.onlineShare.byCount)}>
        {t('reportFees.cards.onlineShareDetail', {
          online: formatNumber(total.onlinePayments), payments: formatNumber(total.payments), byAmount: formatPercent(total.onlineShare.byAmount),
        })}
      </FeeCard>
    </SimpleGrid>
  );
}

const columns = ['dossiers', 'due', 'collected', 'cash', 'transfer', 'card', 'online', 'refunded', 'waived', 'outstanding', 'pending', 'onlineShare'] as const;
type Column = (typeof columns)[number];

function cell(figures: FeeFigures, column: Column): string {
  switch (column) {
    case 'dossiers': return formatNumber(figures.dossiersWithFee);
    case 'due': return formatNumber(figures.amountDue);
    case 'collected': return formatNumber(figures.collected.total);
    case 'cash': case 'transfer': case 'card': case 'online': return formatNumber(figures.collected[column]);
    case 'refunded': return formatNumber(figures.refunded);
    case 'waived': return formatNumber(figures.waived);
    case 'outstanding': return formatNumber(figures.outstanding);
    case 'pending': return formatNumber(figures.pendingOnline);
    case 'onlineShare': return formatPercent(figures.onlineShare.byCount);
  }
}

function FeeTable({ total, rows, groupBy, period }: { total: FeeFigures; rows: FeeRow[]; groupBy: GroupBy; period: string }) {
  const { t } = useTranslation();
  const name = (row: FeeRow) => (groupBy === 'month' ? t('reportFees.table.month', { month: `${row.key.slice(5, 7)}/${row.key.slice(0, 4)}` }) : row.label);
  return (
    <div className={classes.tableBox} tabIndex={0} data-testid="fee-table">
      <table className={classes.table}>
        <caption><VisuallyHidden>{t('reportFees.table.caption', { by: t(`reportFees.groupBy.${groupBy}`).toLowerCase(), period })}</VisuallyHidden></caption>
        <thead>
          <tr>
            <th scope="col" className={classes.agencyCell}>{t(`reportFees.groupBy.${groupBy}`)}</th>
            {columns.map((c) => <th key={c} scope="col">{t(`reportFees.table.${c}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr className={classes.totalRow} data-group="total">
            <th scope="row" className={classes.agencyCell}>{t('reportFees.table.total')}</th>
            {columns.map((c) => <td key={c} className={classes.num} data-key={c}>{cell(total, c)}</td>)}
          </tr>
          {rows.map((row) => (
            <tr key={row.key} className={classes.row} data-group={row.key}>
              <th scope="row" className={classes.agencyCell} style={{ fontWeight: 400 }} title={groupBy === 'month' ? undefined : `${row.label} (${row.key})`}>
                <span className={classes.agencyName}>{name(row)}</span>
              </th>
              {columns.map((c) => <td key={c} className={classes.num} data-key={c}>{cell(row, c)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Phí, lệ phí" on the managers' report page: the totals of the period shared with the page (and
 * its agency, level and procedure filters), a table per agency, procedure or month, and the
 * statement for accounting as XLSX. Every figure is the API's (docs/rules/payments.md, "Reports").
 */
export function FeeSection({ filters, period }: { filters: ReportFilters; period: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [groupBy, setGroupBy] = useState<GroupBy>('agency');
  const [busy, setBusy] = useState(false);
  const fees = useFees(feeApiQuery(filters, groupBy));
  const href = feeExportUrl(filters, groupBy);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await downloadFile(href, `phi-le-phi-${filters.from}-${filters.to}.xlsx`);
    } catch (error) {
      const apiError = error as ReturnType<typeof problemFromBody>;
      notifications.show({ color: 'red', title: t('reportFees.exportFailed'), message: apiError?.messages ? localized(apiError.messages, language) : t('errors.network') });
    } finally {
      setBusy(false);
    }
  }

  const data = fees.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-fees-title" data-testid="report-fees">
      <Group justify="space-between" align="center" gap="xs">
        <Stack gap={0}>
          <Title order={2} fz="lg" id="report-fees-title">{t('reportFees.title')}</Title>
          <Text size="xs" c="gray.7">{t('reportFees.hint')}</Text>
        </Stack>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={groupBy}
            onChange={(value) => setGroupBy(value as GroupBy)}
            aria-label={t('reportFees.groupBy.label')}
            data={(['agency', 'procedure', 'month'] as const).map((value) => ({ value, label: t(`reportFees.groupBy.${value}`) }))}
          />
          <Button
            component="a"
            href={href}
            onClick={(event: MouseEvent<HTMLAnchorElement>) => void download(event)}
            variant="default"
            size="xs"
            loading={busy}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" color="#2b8a3e" />}
            data-testid="fee-export-xlsx"
          >
            {t('reportFees.export')}
          </Button>
        </Group>
      </Group>
      {fees.isError && !data ? (
        <ErrorState title={t('reportFees.errorTitle')} error={fees.error} onRetry={() => void fees.refetch()} />
      ) : !data ? (
        <Skeleton h={104} role="status" aria-label={t('common.loading')} />
      ) : (
        <>
          <FeeCards total={data.total} />
          {data.rows.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="fee-empty">{t('reportFees.empty')}</Text>
          ) : (
            <>
              <FeeTable total={data.total} rows={data.rows} groupBy={groupBy} period={period} />
              <Text size="xs" c="gray.7">{t('reportFees.table.unit')}</Text>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
