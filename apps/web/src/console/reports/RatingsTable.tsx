import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { criterionMaxPoints, ratingCriteria, ratingLevels, type RatingCriterion } from '@motcua/domain';
import { formatNumber } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { formatAverage } from './figures.ts';
import type { ReportFigures, ReportRow } from './reports.api.ts';
import classes from './Reports.module.css';

/**
 * The ratings given in the period (docs/rules/service-quality.md): per unit and in total, the
 * number, the average score, the count at each level and the low ones; then, for the report's
 * scope, each criterion's average points (0–2) and how many answered it.
 */
export function RatingsTable({ total, rows, labelOf }: { total: ReportFigures; rows: readonly ReportRow[]; labelOf: (row: ReportRow) => string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (total.ratings.count === 0) return <Text size="sm" c="gray.7">{t('ratings.report.none')}</Text>;
  const rated = rows.filter((r) => r.ratings.count > 0);
  const line = (label: string, f: ReportFigures['ratings'], key: string, bold = false) => (
    <Table.Tr key={key} data-agency={key} fw={bold ? 700 : undefined}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{formatNumber(f.count)}</Table.Td>
      <Table.Td ta="right">{formatAverage(f.average)}</Table.Td>
      {ratingLevels.map((l) => <Table.Td key={l.score} ta="right">{formatNumber(f.byScore[String(l.score)] ?? 0)}</Table.Td>)}
    </Table.Tr>
  );
  return (
    <Stack gap="md">
      <div className={classes.tableBox} tabIndex={0} role="region" aria-label={t('ratings.report.title')}>
        <Table data-testid="report-ratings" className="motcua-figures" miw={760} highlightOnHover>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t('console.reports.table.agency')}</Table.Th>
              <Table.Th ta="right">{t('ratings.report.count')}</Table.Th>
              <Table.Th ta="right">{t('ratings.report.average')}</Table.Th>
              {ratingLevels.map((l) => <Table.Th key={l.score} ta="right">{localized(l, language)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rated.map((row) => line(labelOf(row), row.ratings, row.agency))}
            {line(t('console.reports.table.total'), total.ratings, 'total', true)}
          </Table.Tbody>
        </Table>
      </div>
      <Title order={3} fz="h5">{t('ratings.report.criteriaTitle')}</Title>
      <div className={classes.tableBox} tabIndex={0} role="region" aria-label={t('ratings.report.criteriaTitle')}>
        <Table data-testid="report-rating-criteria" className="motcua-figures" miw={520}>
          <Table.Tbody>
            {ratingCriteria.map((c) => {
              const f = total.ratings.criteria[c.key as RatingCriterion];
              return (
                <Table.Tr key={c.key} data-criterion={c.key}>
                  <Table.Th scope="row" fw={500}>{localized(c.question, language)}</Table.Th>
                  <Table.Td ta="right" fw={700}>{f.average === null ? '—' : `${formatAverage(f.average)}/${criterionMaxPoints}`}</Table.Td>
                  <Table.Td ta="right" c="gray.7">{t('ratings.report.answers', { count: f.count, formattedCount: formatNumber(f.count) })}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}
