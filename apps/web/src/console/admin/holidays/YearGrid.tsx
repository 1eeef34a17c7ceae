import { Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../../shared/format.ts';
import classes from '../Admin.module.css';
import { weekdayKeys, weekdayOrder } from '../weekdays.ts';
import { kindOf, monthWeeks, type DayKind } from './yearDays.ts';

interface Props {
  year: number;
  daysOff: readonly string[];
  workingDays: readonly string[];
  today: string;
  /** Given: the days are buttons that toggle (the editor). */
  onToggle?: (date: string) => void;
}

const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** A year as twelve small months: days off filled red, make-up working days outlined blue, weekends grey. */
export function YearGrid({ year, daysOff, workingDays, today, onToggle }: Props) {
  const { t } = useTranslation();
  const off = useMemo(() => new Set(daysOff), [daysOff]);
  const worked = useMemo(() => new Set(workingDays), [workingDays]);
  const kindLabel = (kind: DayKind) => t(`console.admin.holidays.kinds.${kind}`);

  return (
    <div className={classes.yearGrid} data-testid={`year-grid-${year}`}>
      {months.map((month) => (
        <table key={month} className={classes.month}>
          <caption>{t(`console.admin.months.m${month}`)}</caption>
          <thead>
            <tr>
              {weekdayOrder.map((d) => (
                <th key={d} scope="col" abbr={t(`console.admin.weekdays.long.${weekdayKeys[d]!}`)}>{t(`console.admin.weekdays.short.${weekdayKeys[d]!}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, month).map((week, w) => (
              <tr key={w}>
                {week.map((cell, i) => {
                  if (!cell) return <td key={i} className={classes.day} />;
                  const kind = kindOf(cell.date, cell.weekday, off, worked);
                  const weekend = cell.weekday === 0 || cell.weekday === 6;
                  // Begins with the number shown, so that a button is named by what one sees on it.
                  const label = `${cell.day}, ${t(`console.admin.weekdays.long.${weekdayKeys[cell.weekday]!}`)} ${formatPlainDate(cell.date)}: ${kindLabel(kind)}`;
                  const common = {
                    className: classes.dayInner,
                    'data-kind': kind === 'off' || kind === 'working' ? kind : undefined,
                    'data-weekend': weekend || undefined,
                    'data-today': cell.date === today || undefined,
                    'data-date': cell.date,
                  };
                  return (
                    <td key={i} className={classes.day}>
                      {onToggle ? (
                        <button type="button" {...common} aria-label={label} aria-pressed={kind === 'off' || kind === 'working'} onClick={() => onToggle(cell.date)}>
                          {cell.day}
                        </button>
                      ) : (
                        <span {...common} title={kind === 'off' || kind === 'working' ? label : undefined}>{cell.day}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The colours of the grid, explained. */
export function YearLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md">
      {(['off', 'working', 'weekend'] as const).map((kind) => (
        <Group key={kind} gap={6} wrap="nowrap">
          <span className={classes.swatch} data-kind={kind} aria-hidden="true" />
          <Text size="xs" c="gray.8">{t(`console.admin.holidays.kinds.${kind}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
