import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { validateHolidaySchedules } from '@motcua/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../../shared/format.ts';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { adminApi, adminKeys, useYearSchedule, type HolidaySchedule, type ScheduleInput } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { useAdminMutation } from '../feedback.ts';
import { weekdayKeys } from '../weekdays.ts';
import { runsOf, toggleDay, weekdayOf } from './yearDays.ts';
import { YearGrid, YearLegend } from './YearGrid.tsx';

interface Props {
  year: number;
  /** The official schedule of the year, if there is one (from the list). */
  official: HolidaySchedule | undefined;
  today: string;
  editing: boolean;
  onEdit: (editing: boolean) => void;
}

/** One year: the schedule in force (official, or computed from the Labour Code), and its editor. */
export function YearPanel({ year, official, today, editing, onEdit }: Props) {
  const { t } = useTranslation();
  const schedule = useYearSchedule(year);

  if (schedule.isPending) return <Stack gap="md" role="status" aria-label={t('common.loading')}><Skeleton h={80} /><Skeleton h={420} /></Stack>;
  if (schedule.isError) return <ErrorState title={t('console.admin.holidays.yearErrorTitle', { year })} error={schedule.error} onRetry={() => void schedule.refetch()} />;
  const data = schedule.data;

  if (editing) return <ScheduleEditor year={year} start={data} today={today} onDone={() => onEdit(false)} />;

  return (
    <Stack gap="md" data-testid="holiday-year">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="sm" align="center">
                <Title order={2} fz="xl">{t('console.admin.holidays.yearTitle', { year })}</Title>
                <Badge color={data.source === 'loaded' ? 'green' : data.source === 'bundled' ? 'blue' : 'orange'} variant={data.official ? 'light' : 'outline'}>
                  {t(`console.admin.holidays.sources.${data.source}`)}
                </Badge>
              </Group>
              <Text size="sm" c="gray.7">
                {t('console.admin.holidays.counts', { off: data.daysOff.length, working: data.workingDays.length })}
              </Text>
            </Stack>
            <Button leftSection={<IconEdit size={16} aria-hidden="true" />} variant={official ? 'default' : 'filled'} onClick={() => onEdit(true)}>
              {t(official ? 'console.admin.holidays.edit' : 'console.admin.holidays.load', { year })}
            </Button>
          </Group>
          {!data.official && (
            <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />} py={8}>
              <Text size="sm">{t('console.admin.holidays.computedNote', { year })}</Text>
            </Alert>
          )}
          {(data.confidence || data.notes) && (
            <Stack gap={2}>
              {data.confidence && <Text size="sm"><Text span fw={600}>{t('console.admin.holidays.confidence')}:</Text> {data.confidence}</Text>}
              {data.notes && <Text size="sm"><Text span fw={600}>{t('console.admin.holidays.notes')}:</Text> {data.notes}</Text>}
            </Stack>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <YearLegend />
          <YearGrid year={year} daysOff={data.daysOff} workingDays={data.workingDays} today={today} />
        </Stack>
      </Paper>
      <DayLists daysOff={data.daysOff} workingDays={data.workingDays} />
    </Stack>
  );
}

/** The same days as a list: runs of days off (Tết on one line) and the make-up working days. */
function DayLists({ daysOff, workingDays }: { daysOff: readonly string[]; workingDays: readonly string[] }) {
  const { t } = useTranslation();
  const weekday = (date: string) => t(`console.admin.weekdays.long.${weekdayKeys[weekdayOf(date)]!}`);
  const runs = runsOf(daysOff);
  return (
    <Paper withBorder p="md">
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" data-testid="holiday-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.th}>{t('console.admin.holidays.list.kind')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.holidays.list.dates')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.holidays.list.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.from}>
              <Table.Td><Badge size="sm" color="brand">{t('console.admin.holidays.kinds.off')}</Badge></Table.Td>
              <Table.Td className="motcua-figures">
                {run.from === run.to
                  ? `${weekday(run.from)} ${formatPlainDate(run.from)}`
                  : `${weekday(run.from)} ${formatPlainDate(run.from)} – ${weekday(run.to)} ${formatPlainDate(run.to)}`}
              </Table.Td>
              <Table.Td className="motcua-figures">{t('console.admin.holidays.list.weekdaysOff', { count: run.days })}</Table.Td>
            </Table.Tr>
          ))}
          {workingDays.map((date) => (
            <Table.Tr key={date}>
              <Table.Td><Badge size="sm" color="blue">{t('console.admin.holidays.kinds.working')}</Badge></Table.Td>
              <Table.Td className="motcua-figures">{`${weekday(date)} ${formatPlainDate(date)}`}</Table.Td>
              <Table.Td />
            </Table.Tr>
          ))}
          {runs.length === 0 && workingDays.length === 0 && (
            <Table.Tr><Table.Td colSpan={3}><Text size="sm" c="gray.7">{t('console.admin.holidays.list.empty')}</Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * Loads or replaces a year's official schedule (PUT /calendar/schedules/:year), starting from the
 * schedule in force: for a year without one, the Labour Code holidays computed from the lunar
 * calendar, to be checked against the Government's announcement. Click a weekday to make it a day
 * off, a Saturday or Sunday to make it a make-up working day.
 */
function ScheduleEditor({ year, start, today, onDone }: { year: number; start: HolidaySchedule; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [lists, setLists] = useState({ daysOff: [...start.daysOff].sort(), workingDays: [...start.workingDays].sort() });
  const [confidence, setConfidence] = useState(start.official ? start.confidence ?? '' : '');
  const [notes, setNotes] = useState(start.official ? start.notes ?? '' : '');
  const [error, setError] = useState<string>();
  const save = useAdminMutation({
    mutationFn: (body: ScheduleInput) => adminApi.putSchedule(year, body),
    invalidate: () => [adminKeys.schedules, adminKeys.holidays(year)],
    success: () => t('console.admin.holidays.saved', { year }),
    failure: t('console.admin.holidays.saveFailed', { year }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: ScheduleInput = { ...lists, ...(confidence.trim() ? { confidence: confidence.trim() } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) };
    const issues = validateHolidaySchedules({ years: { [String(year)]: { daysOff: input.daysOff, workingDays: input.workingDays } } });
    if (issues.length) return setError(issues.map((i) => i.message).join('; '));
    if (input.daysOff.length > 60 || input.workingDays.length > 30) return setError(t('console.admin.holidays.tooMany'));
    if (input.daysOff.length === 0 && input.workingDays.length === 0) return setError(t('console.admin.holidays.emptySchedule'));
    setError(undefined);
    save.mutate(input, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" data-testid="holiday-editor">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} fz="xl">{t(start.official ? 'console.admin.holidays.editTitle' : 'console.admin.holidays.loadTitle', { year })}</Title>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8}>
              <Text size="sm">
                {t(start.official ? 'console.admin.holidays.editIntro' : 'console.admin.holidays.prefilled', { year })}{' '}
                {t('console.admin.holidays.howToEdit')}
              </Text>
            </Alert>
            <Group gap="sm" align="flex-start" grow>
              <TextInput
                label={t('console.admin.holidays.confidence')}
                description={t('console.admin.holidays.confidenceHint')}
                value={confidence}
                onChange={(event) => setConfidence(event.currentTarget.value)}
                maxLength={200}
              />
              <Textarea
                label={t('console.admin.holidays.notes')}
                description={t('console.admin.holidays.notesHint')}
                value={notes}
                onChange={(event) => setNotes(event.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={1}
                maxRows={5}
              />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <YearLegend />
              <Text size="sm" c="gray.7" className="motcua-figures" role="status">
                {t('console.admin.holidays.counts', { off: lists.daysOff.length, working: lists.workingDays.length })}
              </Text>
            </Group>
            <YearGrid year={year} daysOff={lists.daysOff} workingDays={lists.workingDays} today={today} onToggle={(date) => setLists((current) => toggleDay(date, current))} />
          </Stack>
        </Paper>
        {error && <Alert color="red" variant="light" role="alert" title={t('console.admin.holidays.invalid')}><Text size="sm">{error}</Text></Alert>}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
            {t('console.admin.holidays.submit', { year })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
