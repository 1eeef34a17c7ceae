import { ActionIcon, Anchor, Button, Container, EmptyState, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarOff, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatNumber } from '../shared/format.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { changesViewOf, monthOptions, monthParts, monthsAhead, monthsBack, shiftMonth, vietnamToday, type ChangesView } from './changeMonths.ts';
import { procedureChangesPath, proceduresPath } from './paths.ts';
import { ProcedureChangeList } from './ProcedureChangeList.tsx';
import { useProcedureChanges } from './procedures.api.ts';

/**
 * `/thu-tuc/thay-doi`: what changed in the procedure catalogue, one month at a time (`?thang=`,
 * this month in Vietnam by default) or over the last 12 months (`?xem=12-thang`), grouped by kind.
 */
export function ProcedureChangesPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.changes.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Read once: the page does not move to a new month while it stays open.
  const [today] = useState(() => vietnamToday(Date.now()));
  const current = today.slice(0, 7);
  const view = changesViewOf(params, current);
  const changes = useProcedureChanges(view.kind === 'month' ? { month: view.month } : { from: view.from, to: view.to });
  const period = periodText(t, view);
  const showMonth = (month: string) => void navigate(procedureChangesPath({ month }));

  return (
    <Container size="lg" py="lg">
      <Stack gap="md">
        <Anchor component={Link} to={proceduresPath()} size="sm" c="gray.8">
          <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('portal.changes.back')}</Group>
        </Anchor>
        <Stack gap={4}>
          <Title order={1} data-testid="procedure-changes-page">{t('portal.changes.title')}</Title>
          <Text c="gray.7" maw={760}>{t('portal.changes.intro')}</Text>
        </Stack>

        <Group gap="sm" wrap="wrap" align="center">
          <SegmentedControl
            aria-label={t('portal.changes.view.label')}
            value={view.kind}
            onChange={(kind) => void navigate(procedureChangesPath(kind === 'recent' ? 'recent' : { month: current }))}
            data={[
              { value: 'month', label: t('portal.changes.view.month') },
              { value: 'recent', label: t('portal.changes.view.recent') },
            ]}
          />
          {view.kind === 'month' && <MonthPicker month={view.month} current={current} onChange={showMonth} />}
        </Group>

        {changes.isPending ? (
          <PageLoader />
        ) : changes.isError ? (
          <ErrorState title={t('portal.changes.errorTitle')} error={changes.error} onRetry={() => void changes.refetch()} />
        ) : changes.data.total === 0 ? (
          <EmptyState
            mt="lg"
            icon={<IconCalendarOff size={32} aria-hidden="true" />}
            withIndicatorBackground
            title={view.kind === 'month' ? t('portal.changes.emptyMonth', monthParts(view.month)) : t('portal.changes.emptyRecent')}
            description={t('portal.changes.emptyHint')}
            role="status"
          >
            {view.kind === 'month' && (
              <EmptyState.Actions>
                <Button variant="default" component={Link} to={procedureChangesPath('recent')}>{t('portal.changes.showRecent')}</Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <Stack gap="md" style={{ opacity: changes.isPlaceholderData ? 0.6 : 1 }}>
            <Text size="sm" c="gray.7" role="status" className="motcua-figures">
              {t('portal.changes.count', { count: changes.data.total, formattedCount: formatNumber(changes.data.total), period })}
            </Text>
            <ProcedureChangeList items={changes.data.items} today={today} />
          </Stack>
        )}
      </Stack>
    </Container>
  );
}

/** "Tháng 04/2026", or "Từ tháng 12/2025 đến tháng 11/2026". */
function periodText(t: TFunction, view: ChangesView): string {
  if (view.kind === 'month') return t('portal.changes.month', monthParts(view.month));
  const short = (month: string) => `${monthParts(month).month}/${monthParts(month).year}`;
  return t('portal.changes.range', { from: short(view.from), to: short(view.to) });
}

/** ‹ Tháng 04/2026 › : a month from two years back to a few months ahead (changes are published before they apply). */
function MonthPicker({ month, current, onChange }: { month: string; current: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const earliest = shiftMonth(current, -monthsBack);
  const latest = shiftMonth(current, monthsAhead);
  return (
    <Group gap={6} wrap="nowrap">
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('portal.changes.previousMonth')}
        disabled={month <= earliest}
        onClick={() => onChange(shiftMonth(month, -1))}
      >
        <IconChevronLeft size={18} aria-hidden="true" />
      </ActionIcon>
      <Select
        aria-label={t('portal.changes.monthLabel')}
        value={month}
        onChange={(value) => value && onChange(value)}
        allowDeselect={false}
        data={monthOptions(current, month).map((m) => ({ value: m, label: t('portal.changes.month', monthParts(m)) }))}
        maxDropdownHeight={320}
        w={170}
        classNames={{ input: 'motcua-figures' }}
      />
      <ActionIcon
        variant="default"
        size={36}
        aria-label={t('portal.changes.nextMonth')}
        disabled={month >= latest}
        onClick={() => onChange(shiftMonth(month, 1))}
      >
        <IconChevronRight size={18} aria-hidden="true" />
      </ActionIcon>
    </Group>
  );
}
