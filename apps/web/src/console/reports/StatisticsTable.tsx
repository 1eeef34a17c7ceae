import { VisuallyHidden } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { StatisticsKey } from '@motcua/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../shared/format.ts';
import type { OrderedRow } from './agencyTree.ts';
import type { RateKey, ReportFigures, ReportRow } from './reports.api.ts';
import classes from './Reports.module.css';

/** Every count but `receivedInPeriod`, which the form shows through its split (online, counter, post). */
type TableKey = Exclude<StatisticsKey, 'receivedInPeriod'>;
type Column =
  | { key: TableKey; rate?: undefined; reuse?: undefined }
  | { key: Exclude<RateKey, 'onlineRate'>; rate: true; reuse?: undefined }
  /** Reuse of stored data, reported beside the official figures: not a key of the drill-down. */
  | { key: 'reused' | 'reuseRate'; reuse: true; rate?: undefined };
type GroupKey = 'received' | 'resolved' | 'withdrawn' | 'inProgress' | 'digitized' | 'reused' | 'onTimeRate';

/** The official form's columns (docs/rules/statistics.md), left to right; a group of one column spans both header rows. */
export const tableGroups: ReadonlyArray<{ key: GroupKey; columns: Column[] }> = [
  { key: 'received', columns: [{ key: 'received' }, { key: 'carriedOver' }, { key: 'online' }, { key: 'counter' }, { key: 'postal' }] },
  { key: 'resolved', columns: [{ key: 'resolved' }, { key: 'resolvedAhead' }, { key: 'resolvedOnTime' }, { key: 'resolvedOverdue' }] },
  { key: 'withdrawn', columns: [{ key: 'withdrawn' }] },
  { key: 'inProgress', columns: [{ key: 'inProgress' }, { key: 'inProgressOnTime' }, { key: 'inProgressOverdue' }] },
  { key: 'digitized', columns: [{ key: 'digitized' }, { key: 'digitizationRate', rate: true }] },
  { key: 'reused', columns: [{ key: 'reused', reuse: true }, { key: 'reuseRate', reuse: true }] },
  { key: 'onTimeRate', columns: [{ key: 'onTimeRate', rate: true }] },
];

const overdueKeys: ReadonlySet<string> = new Set(['resolvedOverdue', 'inProgressOverdue']);

interface Props {
  total: ReportFigures;
  rows: Array<OrderedRow<ReportRow>>;
  /** Short form of the period, for the caption: "9 tháng 2023 (15/12/2022 – 14/09/2023)". */
  period: string;
  /** Opens the dossiers behind a figure; `agency` is empty for the total. */
  onOpen: (key: StatisticsKey, agency: string) => void;
  onDrill: (agency: string) => void;
  /** The name shown for a row: the agency's short name ("UBND huyện Giao Thủy"). */
  labelOf: (row: ReportRow) => string;
}

/**
 * The official table: one row per receiving agency (in the order of the tree, subordinates
 * indented) and the bold total first, with the form's two-level header. Every figure is the
 * API's; a non-zero count opens the dossiers behind it, an agency with subordinates drills down.
 */
export function StatisticsTable({ total, rows, period, onOpen, onDrill, labelOf }: Props) {
  const { t } = useTranslation();
  const totalLabel = t('console.reports.table.total');

  const cells = (figures: ReportFigures, agency: string, agencyLabel: string) =>
    tableGroups.flatMap((group) => group.columns).map((column) => {
      if (column.reuse) {
        const text = column.key === 'reused' ? formatNumber(figures.reused) : formatPercent(figures.reuseRate);
        return <td key={column.key} className={classes.num} data-key={column.key}>{text}</td>;
      }
      if (column.rate) {
        return <td key={column.key} className={classes.num} data-key={column.key}>{formatPercent(figures[column.key])}</td>;
      }
      const value = figures[column.key];
      const tone = overdueKeys.has(column.key) && value > 0 ? classes.overdue : undefined;
      return (
        <td key={column.key} className={`${classes.num} ${tone ?? ''}`} data-key={column.key}>
          {value > 0 ? (
            <button
              type="button"
              className={classes.number}
              onClick={() => onOpen(column.key, agency)}
              aria-label={t('console.reports.table.openNumber', {
                number: formatNumber(value),
                what: t(`console.reports.keys.${column.key}`),
                agency: agencyLabel,
              })}
            >
              {formatNumber(value)}
            </button>
          ) : formatNumber(value)}
        </td>
      );
    });

  return (
    <div className={classes.tableBox} tabIndex={0} data-testid="report-table">
      <table className={classes.table}>
        <caption><VisuallyHidden>{t('console.reports.table.caption', { period })}</VisuallyHidden></caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className={classes.agencyCell}>{t('console.reports.table.agency')}</th>
            {tableGroups.map((group) => (group.key === 'reused' ? (
              <th key={group.key} colSpan={group.columns.length} scope="colgroup" title={t('reportReuse.hint')}>{t('reportReuse.group')}</th>
            ) : group.columns.length === 1 ? (
              <th key={group.key} rowSpan={2} scope="col">{t(`console.reports.table.groups.${group.key}`)}</th>
            ) : (
              <th key={group.key} colSpan={group.columns.length} scope="colgroup">{t(`console.reports.table.groups.${group.key}`)}</th>
            )))}
          </tr>
          <tr>
            {tableGroups.filter((g) => g.columns.length > 1).flatMap((group) => group.columns).map((column) => (
              <th key={column.key} scope="col">{column.reuse ? t(`reportReuse.${column.key}`) : t(`console.reports.table.columns.${column.key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className={classes.totalRow} data-agency="total">
            <th scope="row" className={classes.agencyCell}>{totalLabel}</th>
            {cells(total, '', totalLabel)}
          </tr>
          {rows.map(({ row, depth, drillable }) => {
            const name = labelOf(row);
            return (
              <tr key={row.agency} className={classes.row} data-agency={row.agency}>
                <th scope="row" className={classes.agencyCell} style={{ paddingLeft: 6 + depth * 14, fontWeight: 400 }} title={`${row.agencyName} (${row.agency})`}>
                  {drillable ? (
                    <button type="button" className={classes.drill} onClick={() => onDrill(row.agency)} aria-label={t('console.reports.table.drill', { agency: name })}>
                      <span className={classes.agencyName}>{name}</span>
                      <IconChevronRight size={14} aria-hidden="true" style={{ flex: 'none' }} />
                    </button>
                  ) : (
                    <span className={classes.agencyName}>{name}</span>
                  )}
                </th>
                {cells(row, row.agency, name)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
