import { Badge, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import { minResolvedForRanking, rankAgencies } from './ranking.ts';
import type { ReportRow } from './reports.api.ts';
import classes from './Reports.module.css';

/** Units ranked by on-time rate, then digitization rate, then volume; thin volumes flagged. */
export function RankingTable({ rows, labelOf }: { rows: readonly ReportRow[]; labelOf: (row: ReportRow) => string }) {
  const { t } = useTranslation();
  const ranked = rankAgencies(rows);
  const fewHint = t('console.reports.ranking.fewHint', { min: minResolvedForRanking });
  if (ranked.length < 2) return <Text size="sm" c="gray.7">{t('console.reports.ranking.only')}</Text>;

  return (
    <div className={classes.tableBox} tabIndex={0}>
      <Table data-testid="report-ranking" highlightOnHover className="motcua-figures" miw={760}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th ta="center" w={56}>{t('console.reports.ranking.rank')}</Table.Th>
            <Table.Th>{t('console.reports.ranking.agency')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.onTimeRate')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.digitizationRate')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.onlineRate')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.received')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.resolved')}</Table.Th>
            <Table.Th ta="right">{t('console.reports.ranking.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ranked.map(({ rank, row, fewDossiers }) => (
            <Table.Tr key={row.agency} data-agency={row.agency}>
              <Table.Td ta="center" fw={700}>{rank}</Table.Td>
              <Table.Td>
                <Text span size="sm" title={row.agencyName}>{labelOf(row)}</Text>
                {fewDossiers && (
                  <Tooltip label={fewHint} withArrow multiline w={260}>
                    <Badge ml="xs" color="yellow" c="yellow.9" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />} tabIndex={0} aria-label={`${t('console.reports.ranking.few')}: ${fewHint}`}>
                      {t('console.reports.ranking.few')}
                    </Badge>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td ta="right" fw={700}>{formatPercent(row.onTimeRate)}</Table.Td>
              <Table.Td ta="right">{formatPercent(row.digitizationRate)}</Table.Td>
              <Table.Td ta="right">{formatPercent(row.onlineRate)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.received)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.resolved)}</Table.Td>
              <Table.Td ta="right" c={row.resolvedOverdue > 0 ? 'red.8' : undefined} fw={row.resolvedOverdue > 0 ? 700 : undefined}>
                {formatNumber(row.resolvedOverdue)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
