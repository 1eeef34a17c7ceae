import { Anchor, Badge, LoadingOverlay, Modal, Stack, Table, Text } from '@mantine/core';
import type { StatisticsKey } from '@motcua/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiQuery } from '../../shared/api.ts';
import { formatDateTime, formatNumber, formatPlainDate } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { DossierStatusBadge } from '../dossiers/DossierStatusBadge.tsx';
import { dossierPageSize } from './reportQuery.ts';
import { useReportDossiers, type ReportDossier } from './reports.api.ts';
import classes from './Reports.module.css';
import { ListPager } from '../../shared/ui/ListPager.tsx';

interface Props {
  /** The open list, or null when closed. */
  list: { key: StatisticsKey; page: number; agencyLabel: string; total: boolean } | null;
  query: ApiQuery<'/reports/dossiers'> | null;
  period: { from: string; to: string };
  procedureName: (code: string) => string | undefined;
  agencyName: (code: string) => string;
  onPage: (page: number) => void;
  onClose: () => void;
}

const outcomeColors: Record<string, string> = { ahead: 'green', on_time: 'blue', overdue: 'red' };

function Outcome({ dossier }: { dossier: ReportDossier }) {
  const { t } = useTranslation();
  if (dossier.withdrawnAt && (!dossier.resultAt || dossier.withdrawnAt < dossier.resultAt)) {
    return <Badge color="gray">{t('console.reports.dossiers.withdrawnAt', { at: formatDateTime(dossier.withdrawnAt) })}</Badge>;
  }
  const outcome = dossier.resultAt ? dossier.resultClass : null;
  if (outcome === 'ahead' || outcome === 'on_time' || outcome === 'overdue') {
    return <Badge color={outcomeColors[outcome]} variant={outcome === 'overdue' ? 'filled' : 'light'}>{t(`console.reports.dossiers.outcomes.${outcome}`)}</Badge>;
  }
  return <DossierStatusBadge status={dossier.status} />;
}

/**
 * The dossiers behind one figure of the report (`/reports/dossiers`), paged, each linking to its
 * page. Its state is in the address, so "back" from a dossier returns to the same page of the list.
 */
export function DossiersDialog({ list, query, period, procedureName, agencyName, onPage, onClose }: Props) {
  const { t } = useTranslation();
  const dossiers = useReportDossiers(query);
  const total = dossiers.data?.total ?? 0;
  const page = list?.page ?? 1;
  // The receiving agency is a column only for the total's lists, which span several agencies.
  const manyAgencies = list?.total ?? false;

  return (
    <Modal
      opened={list !== null}
      onClose={onClose}
      size={1180}
      closeButtonProps={{ 'aria-label': t('console.reports.dossiers.close') }}
      title={list && (
        <Stack gap={0}>
          <Text fw={700} size="lg">{t(`console.reports.keys.${list.key}`)}</Text>
          <Text size="sm" c="gray.7">
            {t('console.reports.dossiers.subtitle', { agency: list.agencyLabel, from: formatPlainDate(period.from), to: formatPlainDate(period.to) })}
            {dossiers.data && ` · ${t('console.reports.dossiers.count', { number: formatNumber(total) })}`}
          </Text>
        </Stack>
      )}
    >
      {dossiers.isPending ? (
        <PageLoader minHeight={200} />
      ) : dossiers.isError ? (
        <ErrorState title={t('console.reports.dossiers.failed')} error={dossiers.error} onRetry={() => void dossiers.refetch()} />
      ) : total === 0 ? (
        <Text c="gray.7">{t('console.reports.dossiers.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <div className={classes.tableBox} style={{ position: 'relative' }}>
            <LoadingOverlay visible={dossiers.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
            <Table className="motcua-figures" fz="sm" miw={960} data-testid="report-dossiers" highlightOnHover>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('console.reports.dossiers.code')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.procedure')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.applicant')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.channel')}</Table.Th>
                  {manyAgencies && <Table.Th>{t('console.reports.dossiers.agency')}</Table.Th>}
                  <Table.Th>{t('console.reports.dossiers.receivedAt')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.dueAt')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.resultAt')}</Table.Th>
                  <Table.Th>{t('console.reports.dossiers.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dossiers.data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/console/ho-so/${d.id}`} fw={600} fz={13} className="motcua-code" style={{ whiteSpace: 'nowrap' }}>
                        {d.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td maw={230}>
                      <Text size="sm" lh={1.3} lineClamp={2} title={procedureName(d.procedureCode) ?? d.procedureCode}>
                        {procedureName(d.procedureCode) ?? d.procedureCode}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.applicantName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.channel === 'counter' || d.channel === 'online' || d.channel === 'postal' ? t(`console.reports.channels.${d.channel}`) : d.channel}</Table.Td>
                    {manyAgencies && <Table.Td maw={180}><Text size="sm" lh={1.3}>{agencyName(d.agency)}</Text></Table.Td>}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.receivedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.dueAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.resultAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 150 }}><Outcome dossier={d} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <ListPager
            page={page}
            pageSize={dossierPageSize}
            total={total}
            onPage={onPage}
            range={(values) => t('console.reports.dossiers.range', values)}
            paginationLabel={t('console.reports.dossiers.pagination')}
          />
        </Stack>
      )}
    </Modal>
  );
}
