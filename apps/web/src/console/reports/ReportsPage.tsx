import { Anchor, Breadcrumbs, EmptyState, Group, LoadingOverlay, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartBarOff } from '@tabler/icons-react';
import type { StatisticsKey } from '@motcua/domain';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatDateTime, formatPlainDate, formatTime } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { agencyPath, buildAgencyTree, orderRows, reportRoot, shortAgencyName } from './agencyTree.ts';
import { DossiersDialog } from './DossiersDialog.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { FeeSection } from './FeeSection.tsx';
import { FeedbackSection } from './FeedbackSection.tsx';
import { describePeriod, PeriodPicker } from './PeriodPicker.tsx';
import { vietnamToday } from './periods.ts';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import { ServiceIndexSection } from './ServiceIndexSection.tsx';
import {
  dossierListQuery, parseReportState, reportApiQuery, reportSearch, type DossierListState, type ReportFilters as Filters, type ReportState,
} from './reportQuery.ts';
import { useCatalogueProcedures, useProcedureFields, useStaffAgencies, useStatistics, useTrend, type ReportRow } from './reports.api.ts';
import { StatisticsTable } from './StatisticsTable.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import { RatingsTable } from './RatingsTable.tsx';
import { ExternalFiguresBeside } from '../surveys/ExternalFiguresBeside.tsx';
import { useExternalFigures } from '../surveys/surveys.api.ts';

export function ReportsPage() {
  return (
    <SectionGuard section="reports">
      <Reports />
    </SectionGuard>
  );
}

function Section({ title, hint, children, id }: { title: string; hint?: string; children: React.ReactNode; id: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} fz="lg" id={id}>{title}</Title>
        {hint && <Text size="xs" c="gray.7">{hint}</Text>}
      </Group>
      {children}
    </Stack>
  );
}

/**
 * `/console/bao-cao`: the official statistics of dossier handling (docs/rules/statistics.md) for a period and an
 * agency subtree: summary figures, the official table with drill-down to subordinate agencies and
 * to the dossiers behind any figure, charts, the service index with the ranking of units
 * (ServiceIndexSection), and the same report as files.
 * Every figure is the API's; nothing is recomputed here.
 */
function Reports() {
  const { t } = useTranslation();
  usePageTitle(t('console.nav.reports'));
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => vietnamToday(Date.now()), []);
  const { filters, list, canonical } = parseReportState(params, today);
  const state: ReportState = { filters, list };

  // A bare `/console/bao-cao` (or an unreadable period) gets the default period written in, so
  // the address is always the report on screen.
  const search = reportSearch(state);
  useEffect(() => {
    if (!canonical) setParams(search.slice(1), { replace: true });
  }, [canonical, search, setParams]);

  const query = reportApiQuery(filters);
  const report = useStatistics(query);
  const trend = useTrend(query);
  const agencies = useStaffAgencies();
  const fields = useProcedureFields();
  const procedures = useCatalogueProcedures();

  const tree = useMemo(() => (agencies.data ? buildAgencyTree(agencies.data.items) : undefined), [agencies.data]);
  const root = tree ? reportRoot(tree, filters.agency) : undefined;
  const rows = useMemo(
    () => (report.data && tree ? orderRows(report.data.rows, tree, root?.code ?? '') : report.data?.rows.map((row) => ({ row, depth: 0, drillable: false })) ?? []),
    [report.data, tree, root?.code],
  );
  const rowList = useMemo(() => rows.map((r) => r.row), [rows]);
  // SIPAS and PAR Index as published, for the agency on screen and those above and below it: of the
  // period's year, or the latest published before it (a year's indices come out the next spring).
  const figureAgency = filters.agency || (tree && tree.roots.length === 1 ? tree.roots[0]!.code : undefined);
  const figures = useExternalFigures({ agency: figureAgency, year: Number(filters.to.slice(0, 4)), latest: true }, Boolean(tree));
  const procedureNames = useMemo(() => new Map((procedures.data?.items ?? []).map((p) => [p.code, p.name])), [procedures.data]);

  const go = (next: ReportState, replace = false) => setParams(reportSearch(next).slice(1), { replace });
  const update = (patch: Partial<Filters>) => go({ filters: { ...filters, ...patch }, list: null });
  const openList = (key: StatisticsKey, agency: string) => go({ filters, list: { key, agency, page: 1 } });
  const setList = (next: DossierListState | null) => go({ filters, list: next }, true);

  const periodName = describePeriod(t, filters, filters.custom);
  const periodText = t('console.reports.periodLine', { period: periodName, from: formatPlainDate(filters.from), to: formatPlainDate(filters.to) });
  const path = tree && filters.agency ? agencyPath(tree, filters.agency) : [];
  const scopeName = root ? root.name : t('console.reports.scopeAll');
  // From the top of the caller's scope ("all my agencies" when it has several tops) to the drilled agency.
  const crumbs = [
    ...(tree && tree.roots.length > 1 ? [{ code: '', label: t('console.reports.scopeAll') }] : []),
    ...path.map((node, i) => ({ code: i === 0 && tree?.roots.length === 1 ? '' : node.code, label: shortAgencyName(node.name, node.shortName) })),
  ];
  const agencyLabel = (code: string) => {
    const node = tree?.byCode.get(code);
    return node ? shortAgencyName(node.name, node.shortName) : code;
  };
  const labelOf = useCallback((row: ReportRow) => {
    const node = tree?.byCode.get(row.agency);
    return shortAgencyName(row.agencyName, node?.shortName);
  }, [tree]);
  // A unit of the service index by code (its name from the tree when the answer has none: the scope).
  const unitLabel = useCallback((row: { agency: string; agencyName: string }) => {
    const node = tree?.byCode.get(row.agency);
    return row.agencyName || node ? shortAgencyName(row.agencyName || node!.name, node?.shortName) : '';
  }, [tree]);
  const data = report.data;
  const empty = data && data.total.received === 0 && data.total.refused === 0 && data.rows.every((r) => r.received === 0);

  return (
    <Stack gap="md" maw={1600}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-reports">{t('console.reports.title')}</Title>
          <Text c="gray.7" size="sm" data-testid="report-period">{periodText} · {scopeName}</Text>
        </Stack>
        <ExportButtons filters={filters} />
      </Group>

      <Paper withBorder p="sm">
        <Stack gap="sm">
          <PeriodPicker
            value={filters}
            today={today}
            onChange={(range) => update({ from: range.from, to: range.to, custom: range.custom })}
          />
          <ReportFilters
            filters={filters}
            tree={tree}
            agencies={agencies.data?.items ?? []}
            fields={(fields.data?.items ?? []).map((f) => f.field)}
            procedures={procedures.data?.items ?? []}
            onChange={update}
          />
        </Stack>
      </Paper>

      {/* The way back up, once drilled down (the scope itself is named under the title). */}
      {crumbs.length > 1 && (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c="gray.7">{t('console.reports.scope')}</Text>
          <Breadcrumbs aria-label={t('console.reports.breadcrumb')} separatorMargin={6} data-testid="report-breadcrumb">
            {crumbs.map((crumb, i) => (i === crumbs.length - 1 ? (
              <Text key={crumb.code || 'all'} size="sm" fw={600} aria-current="page">{crumb.label}</Text>
            ) : (
              <Anchor key={crumb.code || 'all'} component={Link} size="sm" to={{ search: reportSearch({ filters: { ...filters, agency: crumb.code }, list: null }) }}>
                {crumb.label}
              </Anchor>
            )))}
          </Breadcrumbs>
        </Group>
      )}

      {report.isError && !data ? (
        <ErrorState title={t('console.reports.errorTitle')} error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <Stack gap="md" role="status" aria-label={t('common.loading')}>
          <Skeleton h={104} />
          <Skeleton h={260} />
        </Stack>
      ) : (
        <Stack gap="lg" pos="relative">
          <LoadingOverlay
            visible={report.isPlaceholderData}
            zIndex={5}
            overlayProps={{ blur: 0, backgroundOpacity: 0.5 }}
            loaderProps={{ size: 'sm', 'aria-label': t('console.reports.updating') }}
          />
          {report.isError && <ErrorState title={t('console.reports.errorTitle')} error={report.error} onRetry={() => void report.refetch()} />}
          {/* A period that is not over: the server counted up to the moment the report was made. */}
          {data.period.asOf && (
            <Text size="sm" data-testid="report-as-of">
              <Text span inherit fw={650}>{t('console.reports.asOf', { time: formatTime(data.period.asOf), date: formatDate(data.period.asOf) })}</Text>
              {' · '}
              <Text span inherit c="gray.7">{t('console.reports.asOfHint')}</Text>
            </Text>
          )}
          <SummaryCards total={data.total} onOpen={(key) => openList(key, '')} />
          {empty ? (
            <EmptyState
              align="left"
              icon={<IconChartBarOff size={28} aria-hidden="true" />}
              withIndicatorBackground
              title={t('console.reports.empty.title')}
              description={t('console.reports.empty.body')}
              data-testid="report-empty"
            />
          ) : (
            <>
              <Section id="report-table-title" title={t('console.reports.table.title')} hint={t('console.reports.table.hint')}>
                <StatisticsTable
                  total={data.total}
                  rows={rows}
                  period={periodText}
                  onOpen={openList}
                  onDrill={(agency) => update({ agency })}
                  labelOf={labelOf}
                />
              </Section>
              <Section id="report-charts-title" title={t('console.reports.charts.title')}>
                <ReportCharts
                  total={data.total}
                  rows={rowList}
                  labelOf={labelOf}
                  trend={{
                    items: trend.data?.items,
                    isPending: trend.isPending,
                    isFetching: trend.isFetching,
                    error: trend.isError ? trend.error : null,
                    refetch: () => void trend.refetch(),
                  }}
                />
              </Section>
              <Section id="report-ratings-title" title={t('ratings.report.title')}>
                <RatingsTable total={data.total} rows={rowList} labelOf={labelOf} />
              </Section>
            </>
          )}
          <ExternalFiguresBeside figures={figures.data?.items ?? []} id="report-external-title" />
          <ServiceIndexSection filters={filters} period={periodText} labelOf={unitLabel} />
          <FeeSection filters={filters} period={periodText} />
          <FeedbackSection filters={filters} period={periodText} />
          <Text size="xs" c="gray.7">{t('console.reports.generatedAt', { at: formatDateTime(data.generatedAt) })}</Text>
        </Stack>
      )}

      <DossiersDialog
        list={list && { key: list.key, page: list.page, agencyLabel: list.agency ? agencyLabel(list.agency) : scopeName, total: !list.agency }}
        query={list ? dossierListQuery(filters, list) : null}
        period={filters}
        procedureName={(code) => procedureNames.get(code)}
        agencyName={agencyLabel}
        onPage={(page) => list && setList({ ...list, page })}
        onClose={() => setList(null)}
      />
    </Stack>
  );
}
