import { Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { localDateOf } from '@motcua/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { useHolidaySchedules, type HolidaySchedule } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { useTabParams } from '../adminQuery.ts';
import { YearPanel } from './YearPanel.tsx';

const minYear = 1900;
const maxYear = 2300;

/**
 * "Lịch nghỉ lễ": the official yearly schedules (bundled with the software or loaded by an
 * administrator) and the years ahead that have none yet; the selected year (`?year=`) beside them.
 */
export function HolidaysTab() {
  const { t } = useTranslation();
  const [params, update] = useTabParams();
  const schedules = useHolidaySchedules();
  const today = useMemo(() => localDateOf(Date.now()), []);
  const thisYear = Number(today.slice(0, 4));
  const asked = Number.parseInt(params.get('year') ?? '', 10);
  const year = Number.isInteger(asked) && asked >= minYear && asked <= maxYear ? asked : thisYear;
  const editing = params.get('edit') === '1';
  const [other, setOther] = useState<number | string>('');

  const byYear = useMemo(() => new Map((schedules.data?.items ?? []).map((s) => [s.year, s])), [schedules.data]);
  // Official years, newest first, and this year and the next two when they have no schedule yet.
  const years = useMemo(() => {
    const set = new Set<number>([...byYear.keys(), thisYear, thisYear + 1, thisYear + 2, year]);
    return [...set].sort((a, b) => b - a);
  }, [byYear, thisYear, year]);

  const open = (next: number, edit = false) => update({ year: next, edit: edit ? 1 : undefined });

  return (
    <div className={classes.split}>
      <Paper withBorder p="xs" className={classes.sticky}>
        <Stack gap="xs">
          <Text size="sm" fw={650} px={4}>{t('console.admin.holidays.years')}</Text>
          {schedules.isPending ? (
            <Skeleton h={200} />
          ) : schedules.isError ? (
            <ErrorState title={t('console.admin.holidays.errorTitle')} error={schedules.error} onRetry={() => void schedules.refetch()} />
          ) : (
            <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('console.admin.holidays.years')}>
              {years.map((y) => (
                <li key={y}>
                  <YearButton year={y} schedule={byYear.get(y)} selected={y === year} current={y === thisYear} onClick={() => open(y)} />
                </li>
              ))}
            </Stack>
          )}
          <Group gap={6} align="flex-end" wrap="nowrap" px={4}>
            <NumberInput
              size="xs"
              label={t('console.admin.holidays.otherYear')}
              value={other}
              onChange={setOther}
              min={minYear}
              max={maxYear}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=""
              hideControls
              w={90}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && typeof other === 'number') open(other);
              }}
            />
            <Button size="xs" variant="default" disabled={typeof other !== 'number' || other < minYear || other > maxYear} onClick={() => typeof other === 'number' && open(other)}>
              {t('console.admin.holidays.openYear')}
            </Button>
          </Group>
          {!byYear.has(thisYear + 1) && !schedules.isPending && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCalendarPlus size={14} aria-hidden="true" />}
              onClick={() => open(thisYear + 1, true)}
            >
              {t('console.admin.holidays.loadNext', { year: thisYear + 1 })}
            </Button>
          )}
        </Stack>
      </Paper>
      <YearPanel
        key={year}
        year={year}
        official={byYear.get(year)}
        today={today}
        editing={editing}
        onEdit={(edit) => update({ edit: edit ? 1 : undefined })}
      />
    </div>
  );
}

function YearButton({ year, schedule, selected, current, onClick }: { year: number; schedule: HolidaySchedule | undefined; selected: boolean; current: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={classes.yearButton} data-selected={selected || undefined} aria-current={selected ? 'true' : undefined} onClick={onClick}>
      <span>
        <Title order={4} component="span" fz="sm" fw={selected ? 650 : 500} className="motcua-figures">{year}</Title>
        {current && <Text span size="xs" c="gray.6"> · {t('console.admin.holidays.thisYear')}</Text>}
      </span>
      {schedule ? (
        <Badge size="xs" color={schedule.source === 'loaded' ? 'green' : 'blue'}>
          {t(`console.admin.holidays.sources.${schedule.source}`)}
        </Badge>
      ) : (
        <Badge size="xs" color="orange" variant="outline">{t('console.admin.holidays.noOfficial')}</Badge>
      )}
    </button>
  );
}
