import { Badge, Button, Card, Checkbox, Group, Modal, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconChartBar, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { foldVietnamese, reformAreas, type ReformArea, type ReformTaskState } from '@motcua/domain';
import { formatNumber, formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { areaLabel, areaNumeral, areaOptions, stateBadgeColor, stateColor, stateLabel, stateOptions, taskCode, unitKey, unitName } from './labels.ts';
import { useAddTask, usePlan, type PlanDetail, type TaskItem } from './reform.api.ts';
import { TaskForm } from './TaskForm.tsx';
import classes from './Reform.module.css';

/** A plan: its tasks grouped by area, overdue ones highlighted, with filters; its editors add tasks. */
export function ReformPlanPage() {
  return (
    <SectionGuard section="reform">
      <PlanLoader />
    </SectionGuard>
  );
}

function PlanLoader() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  usePageTitle(plan.data?.title ?? t('reform.title'));
  if (plan.isPending) return <PageLoader />;
  if (plan.isError) return <ErrorState title={t('reform.plan.notFound')} error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const filters = {
    q: params.get('q') ?? '',
    area: (params.get('linh-vuc') as ReformArea | null) ?? null,
    state: (params.get('tinh-trang') as ReformTaskState | null) ?? null,
    unit: params.get('don-vi'),
    overdue: params.get('qua-han') === '1',
  };
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };
  const leads = useMemo(() => {
    const seen = new Map(plan.tasks.map((task) => [unitKey(task.lead), unitName(task.lead)]));
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [plan.tasks]);
  const words = foldVietnamese(filters.q).split(' ').filter(Boolean);
  const shown = plan.tasks.filter((task) =>
    (!filters.area || task.area === filters.area)
    && (!filters.state || task.state === filters.state)
    && (!filters.unit || unitKey(task.lead) === filters.unit)
    && (!filters.overdue || task.overdue)
    && words.every((w) => foldVietnamese([task.title, task.expectedResult, task.lead.name, ...task.coordinators.map((c) => c.name)].join(' ')).includes(w)));
  const filtered = [...params.keys()].length > 0;
  const tally = plan.tally;
  const document = plan.documentNumber
    ? plan.documentDate ? t('reform.documentDated', { number: plan.documentNumber, date: formatPlainDate(plan.documentDate) }) : t('reform.document', { number: plan.documentNumber })
    : t('reform.noDocument');

  return (
    <Stack gap="md" maw={1280}>
      <Button component={Link} to={`/console/cai-cach?nam=${plan.year}`} variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('reform.plan.back')}
      </Button>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap={6}>
            <Badge variant="light" color="gray">{plan.year}</Badge>
            {!plan.wholePlan && <Badge variant="outline" color="blue.8">{t('reform.onlyMine')}</Badge>}
          </Group>
          <Title order={1} fz="h2" data-testid="reform-plan-title">{plan.title}</Title>
          <Text size="sm" c="gray.7">{plan.agencyName} · {document}</Text>
          <Text size="sm" data-testid="reform-plan-tally">
            {t('reform.tallyLine', { total: formatNumber(tally.total), done: formatNumber(tally.done), overdue: formatNumber(tally.overdue), pending: formatNumber(tally.pending) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={`/console/cai-cach/bao-cao?nam=${plan.year}&ke-hoach=${plan.id}`} variant="light" leftSection={<IconChartBar size={18} aria-hidden="true" />}>
            {t('reform.toReport')}
          </Button>
          {plan.canEdit && <Button onClick={() => setAdding(true)} leftSection={<IconPlus size={18} aria-hidden="true" />}>{t('reform.plan.addTask')}</Button>}
        </Group>
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('reform.plan.filters.search')} placeholder={t('reform.plan.filters.searchPlaceholder')} leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={filters.q} onChange={(e) => set({ q: e.currentTarget.value || null })} w={{ base: '100%', sm: 260 }} autoComplete="off" spellCheck={false} />
        <Select label={t('reform.plan.filters.area')} placeholder={t('reform.plan.filters.any')} data={areaOptions(language)} value={filters.area}
          onChange={(v) => set({ 'linh-vuc': v })} clearable w={{ base: '100%', sm: 250 }} comboboxProps={{ width: 340 }} />
        <Select label={t('reform.plan.filters.state')} placeholder={t('reform.plan.filters.any')} data={stateOptions(language)} value={filters.state}
          onChange={(v) => set({ 'tinh-trang': v })} clearable w={{ base: '100%', sm: 210 }} />
        <Select label={t('reform.plan.filters.unit')} placeholder={t('reform.plan.filters.any')} data={leads} value={filters.unit}
          onChange={(v) => set({ 'don-vi': v })} clearable searchable w={{ base: '100%', sm: 220 }} />
        <Checkbox label={t('reform.plan.filters.overdueOnly')} checked={filters.overdue} onChange={(e) => set({ 'qua-han': e.currentTarget.checked ? '1' : null })} mb={8} />
        {filtered && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('reform.plan.filters.clear')}
          </Button>
        )}
      </Group>

      <Text size="sm" c="gray.7" aria-live="polite">{t('reform.plan.shown', { shown: formatNumber(shown.length), total: formatNumber(plan.tasks.length) })}</Text>
      {/* Phones get one card per task (the state stays in sight); wider screens the table. */}
      <Stack gap="xs" hiddenFrom="sm" data-testid="reform-task-cards">
        {reformAreas.map((area) => {
          const rows = shown.filter((task) => task.area === area.key);
          if (rows.length === 0) return null;
          return (
            <Stack key={area.key} gap={6} component="section" aria-label={areaLabel(area.key, language)}>
              <Text fw={700} size="sm">{areaNumeral(area.key)}. {areaLabel(area.key, language)}</Text>
              {rows.map((task) => <TaskCard key={task.id} task={task} />)}
            </Stack>
          );
        })}
        {shown.length === 0 && <Text size="sm" c="gray.7">{t('reform.plan.none')}</Text>}
      </Stack>
      <Card padding={0} visibleFrom="sm">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" data-testid="reform-tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('reform.plan.columns.number')}</Table.Th>
                <Table.Th>{t('reform.plan.columns.task')}</Table.Th>
                <Table.Th w={190}>{t('reform.plan.columns.lead')}</Table.Th>
                <Table.Th w={104}>{t('reform.plan.columns.deadline')}</Table.Th>
                <Table.Th w={110}>{t('reform.plan.columns.progress')}</Table.Th>
                <Table.Th w={180}>{t('reform.plan.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reformAreas.map((area) => {
                const rows = shown.filter((task) => task.area === area.key);
                if (rows.length === 0) return null;
                return (
                  <Fragment key={area.key}>
                    <Table.Tr className={classes.areaRow}>
                      <Table.Th colSpan={6} scope="colgroup">{areaNumeral(area.key)}. {areaLabel(area.key, language)}</Table.Th>
                    </Table.Tr>
                    {rows.map((task) => <TaskRow key={task.id} task={task} />)}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {shown.length === 0 && <Text p="md" size="sm" c="gray.7">{t('reform.plan.none')}</Text>}
      </Card>
      {plan.canEdit && <AddTaskDialog plan={plan} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function TaskRow({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr className={task.overdue ? classes.overdueRow : undefined} data-overdue={task.overdue || undefined}>
      <Table.Td>{taskCode(task.area, task.number)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Link to={`/console/cai-cach/nhiem-vu/${task.id}`} className={classes.taskLink} data-row-link>{task.title}</Link>
          <Text size="xs" c="gray.7" lineClamp={2}>{task.expectedResult}</Text>
          {task.coordinators.length > 0 && <Text size="xs" c="gray.7">{t('reform.plan.coordinators', { names: task.coordinators.map(unitName).join(', ') })}</Text>}
          {task.part && <Text size="xs" c="blue.8" fw={600}>{t(`reform.plan.part.${task.part}`)}</Text>}
        </Stack>
      </Table.Td>
      <Table.Td>{unitName(task.lead)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPlainDate(task.deadline)}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Progress value={task.progress} color={stateColor[task.state]} size="sm" aria-label={`${t('reform.plan.columns.progress')} ${task.progress}%`} />
          <Text size="xs">{task.progress}%</Text>
        </Stack>
      </Table.Td>
      <Table.Td><StateBadge task={task} /></Table.Td>
    </Table.Tr>
  );
}

function StateBadge({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant={task.overdue ? 'filled' : 'light'} color={stateBadgeColor(task.state, task.overdue)} styles={{ root: { height: 'auto', whiteSpace: 'normal' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>
        {stateLabel(task.state, language)}
      </Badge>
      {task.daysLate > 0 && <Text size="xs" c={task.overdue ? 'red.8' : 'gray.7'} fw={task.overdue ? 650 : undefined}>{t('reform.plan.daysLate', { count: task.daysLate })}</Text>}
    </Stack>
  );
}

function TaskCard({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  return (
    <Card padding="sm" withBorder className={task.overdue ? classes.overdueCard : undefined} data-overdue={task.overdue || undefined}>
      <Stack gap={4}>
        <Link to={`/console/cai-cach/nhiem-vu/${task.id}`} className={classes.taskLink}>{taskCode(task.area, task.number)}. {task.title}</Link>
        <Text size="xs" c="gray.7">{t('reform.plan.columns.lead')}: {unitName(task.lead)} · {t('reform.plan.columns.deadline')}: {formatPlainDate(task.deadline)}</Text>
        {task.part && <Text size="xs" c="blue.8" fw={600}>{t(`reform.plan.part.${task.part}`)}</Text>}
        <Group gap="sm" wrap="nowrap" align="center">
          <Progress value={task.progress} color={stateColor[task.state]} size="sm" w={90} aria-label={`${t('reform.plan.columns.progress')} ${task.progress}%`} />
          <Text size="xs">{task.progress}%</Text>
          <StateBadge task={task} />
        </Group>
      </Stack>
    </Card>
  );
}

function AddTaskDialog({ plan, opened, onClose }: { plan: PlanDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const add = useAddTask(plan.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('reform.taskForm.title')} size="lg" closeButtonProps={{ 'aria-label': t('reform.close') }}>
      <TaskForm
        initial={{ area: 'institutions', title: '', expectedResult: '', deadline: '', lead: null, coordinators: [] }}
        choices={plan.unitChoices} year={plan.year} submitLabel={t('reform.taskForm.submit')} pending={add.isPending} error={add.error}
        onSubmit={(input) => add.mutate(input, { onSuccess: (task) => navigate(`/console/cai-cach/nhiem-vu/${task.id}`) })}
        onCancel={onClose}
      />
    </Modal>
  );
}
