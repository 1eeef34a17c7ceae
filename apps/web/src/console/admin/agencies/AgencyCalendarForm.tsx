import { ActionIcon, Button, Checkbox, Group, Paper, Radio, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { createWorkingCalendar, isAppError } from '@motcua/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, adminKeys, type Agency, type AgencyCalendar, type WorkingPeriod } from '../admin.api.ts';
import { useAdminMutation } from '../feedback.ts';
import { isTimeOfDay } from '../validation.ts';
import { formatPeriods, weekdayKeys, weekdayOrder } from '../weekdays.ts';

/** The standard day and week (docs/rules/time.md), used when an agency has no calendar of its own. */
export const standardCalendar = { periods: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], weeklyDaysOff: [0, 6] };

interface Props {
  agency: Agency;
  calendar: AgencyCalendar | null | undefined;
  loading: boolean;
  readOnly: boolean;
}

/**
 * The agency's working periods and weekly rest days (PUT /agencies/:id/calendar): the standard
 * ones, or its own (a commune that works 07:30–11:30 and 13:30–17:30). Appointments already given
 * are not moved. Mount with `key` = agency id and calendar, so it starts from what is saved.
 */
export function AgencyCalendarForm({ agency, calendar, loading, readOnly }: Props) {
  const { t } = useTranslation();
  const own = Boolean(calendar && (calendar.periods || calendar.weeklyDaysOff));
  const [mode, setMode] = useState<'standard' | 'own'>(own ? 'own' : 'standard');
  const [periods, setPeriods] = useState<WorkingPeriod[]>(calendar?.periods ?? standardCalendar.periods);
  const [daysOff, setDaysOff] = useState<number[]>(() => [...(calendar?.weeklyDaysOff ?? standardCalendar.weeklyDaysOff)].sort((a, b) => a - b));
  const [error, setError] = useState<string>();
  const initial = JSON.stringify({ own, periods: calendar?.periods ?? standardCalendar.periods, daysOff: [...(calendar?.weeklyDaysOff ?? standardCalendar.weeklyDaysOff)].sort((a, b) => a - b) });
  const dirty = JSON.stringify({ own: mode === 'own', periods, daysOff }) !== initial;
  const save = useAdminMutation({
    mutationFn: (body: AgencyCalendar) => adminApi.setCalendar(agency.id, body),
    invalidate: () => [adminKeys.offices(agency.id)],
    success: () => t('console.admin.calendar.saved', { name: agency.name }),
    failure: t('console.admin.calendar.failed'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'standard') {
      setError(undefined);
      save.mutate({ periods: null, weeklyDaysOff: null });
      return;
    }
    const problem = checkCalendar(periods, daysOff);
    setError(problem && t(`console.admin.calendar.errors.${problem}`));
    if (problem) return;
    save.mutate({ periods, weeklyDaysOff: daysOff });
  }

  const setPeriod = (index: number, patch: Partial<WorkingPeriod>) =>
    setPeriods((current) => current.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  const current = own && calendar ? { periods: calendar.periods ?? standardCalendar.periods, weeklyDaysOff: calendar.weeklyDaysOff ?? standardCalendar.weeklyDaysOff } : standardCalendar;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-calendar-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} id="agency-calendar-title">{t('console.admin.calendar.title')}</Title>
          {loading ? (
            <Skeleton h={60} />
          ) : (
            <>
              <Text size="sm" data-testid="agency-calendar-now">
                <Text span fw={600}>{t(own ? 'console.admin.calendar.ownNow' : 'console.admin.calendar.standardNow')}</Text>{' '}
                {t('console.admin.calendar.summary', {
                  periods: formatPeriods(current.periods),
                  days: weekdayOrder.filter((d) => current.weeklyDaysOff.includes(d)).map((d) => t(`console.admin.weekdays.long.${weekdayKeys[d]!}`)).join(', ') || t('console.admin.calendar.noRestDay'),
                })}
              </Text>
              {!readOnly && (
                <>
                  <Radio.Group value={mode} onChange={(value) => setMode(value as typeof mode)} label={t('console.admin.calendar.choose')}>
                    <Group gap="lg" mt={4}>
                      <Radio value="standard" label={t('console.admin.calendar.standard')} />
                      <Radio value="own" label={t('console.admin.calendar.own')} />
                    </Group>
                  </Radio.Group>
                  {mode === 'own' && (
                    <Stack gap="xs">
                      <Text size="sm" fw={500}>{t('console.admin.calendar.periods')}</Text>
                      {periods.map((period, index) => (
                        <Group key={index} gap={6} wrap="nowrap">
                          <TextInput
                            aria-label={t('console.admin.calendar.start', { n: index + 1 })}
                            value={period.start}
                            onChange={(event) => setPeriod(index, { start: event.currentTarget.value })}
                            placeholder="08:00"
                            w={84}
                            size="xs"
                            classNames={{ input: 'motcua-code' }}
                            error={!isTimeOfDay(period.start) && period.start !== ''}
                          />
                          <Text size="sm" c="gray.6">–</Text>
                          <TextInput
                            aria-label={t('console.admin.calendar.end', { n: index + 1 })}
                            value={period.end}
                            onChange={(event) => setPeriod(index, { end: event.currentTarget.value })}
                            placeholder="12:00"
                            w={84}
                            size="xs"
                            classNames={{ input: 'motcua-code' }}
                            error={!isTimeOfDay(period.end) && period.end !== ''}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('console.admin.calendar.removePeriod', { n: index + 1 })}
                            disabled={periods.length <= 1}
                            onClick={() => setPeriods((list) => list.filter((_, i) => i !== index))}
                          >
                            <IconTrash size={15} aria-hidden="true" />
                          </ActionIcon>
                        </Group>
                      ))}
                      {periods.length < 6 && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPlus size={14} aria-hidden="true" />}
                          onClick={() => setPeriods((list) => [...list, { start: '', end: '' }])}
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {t('console.admin.calendar.addPeriod')}
                        </Button>
                      )}
                      <Checkbox.Group label={t('console.admin.calendar.daysOff')} value={daysOff.map(String)} onChange={(values) => setDaysOff(values.map(Number).sort((a, b) => a - b))}>
                        <Group gap="md" mt={4}>
                          {weekdayOrder.map((d) => (
                            <Checkbox key={d} value={String(d)} label={t(`console.admin.weekdays.long.${weekdayKeys[d]!}`)} size="xs" />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    </Stack>
                  )}
                  {error && <Text size="sm" c="red.8" role="alert">{error}</Text>}
                  <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-end">
                    <Text size="xs" c="gray.7" maw={520}>{t('console.admin.calendar.note')}</Text>
                    <Button type="submit" disabled={!dirty} loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />} style={{ flex: 'none' }}>
                      {t('console.admin.calendar.submit')}
                    </Button>
                  </Group>
                </>
              )}
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** What is wrong with an agency's own calendar, checked by the domain's calendar builder; undefined when nothing. */
export function checkCalendar(periods: WorkingPeriod[], daysOff: number[]): 'time' | 'order' | 'allDays' | undefined {
  if (periods.some((p) => !isTimeOfDay(p.start) || !isTimeOfDay(p.end))) return 'time';
  if (daysOff.length >= 7) return 'allDays';
  try {
    createWorkingCalendar({ periods, weeklyDaysOff: daysOff });
    return undefined;
  } catch (error) {
    if (isAppError(error)) return 'order';
    throw error;
  }
}
