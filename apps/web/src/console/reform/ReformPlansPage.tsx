import { Badge, Button, Card, Group, Modal, NumberInput, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { reformLimits, reformPlanEditorRoles } from '@motcua/domain';
import { displayTimeZone, formatNumber, formatPercent, formatPlainDate } from '../../shared/format.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { agenciesWith, hasRoleAnywhere } from '../documents/roles.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { useCreatePlan, usePlans, type PlanSummary } from './reform.api.ts';

/** This year in Vietnam. */
export function vietnamYear(): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: displayTimeZone, year: 'numeric' }).format(new Date()));
}

/** The plans of a year the user sees, each with today's counts of the tasks they see; managers make new ones. */
export function ReformPlansPage() {
  return (
    <SectionGuard section="reform">
      <PlansView />
    </SectionGuard>
  );
}

function PlansView() {
  const { t } = useTranslation();
  usePageTitle(t('reform.title'));
  const staff = useStaff();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || vietnamYear();
  const plans = usePlans(year);
  const [creating, setCreating] = useState(false);
  const canCreate = hasRoleAnywhere(staff.assignments, reformPlanEditorRoles);

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-reform">{t('reform.title')}</Title>
          <Text c="gray.7" size="sm">{t('reform.subtitle')}</Text>
        </Stack>
        <Group gap="xs">
          <Button component={Link} to={`/console/cai-cach/bao-cao?nam=${year}`} variant="light" leftSection={<IconChartBar size={18} aria-hidden="true" />}>
            {t('reform.toReport')}
          </Button>
          {canCreate && (
            <Button onClick={() => setCreating(true)} leftSection={<IconPlus size={18} aria-hidden="true" />}>{t('reform.newPlan')}</Button>
          )}
        </Group>
      </Group>
      <NumberInput
        label={t('reform.year')} value={year} min={2000} max={2100} allowDecimal={false} w={120}
        onChange={(value) => { if (typeof value === 'number' && value >= 2000 && value <= 2100) setParams({ nam: String(value) }, { replace: true }); }}
      />
      {plans.isPending ? <PageLoader /> : plans.isError ? (
        <ErrorState title={t('reform.title')} error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Card padding="md"><Text size="sm" c="gray.7">{t('reform.empty')}</Text></Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="reform-plans">
          {plans.data.items.map((plan) => <PlanCard key={plan.id} plan={plan} />)}
        </SimpleGrid>
      )}
      {canCreate && <NewPlanDialog opened={creating} onClose={() => setCreating(false)} year={year} />}
    </Stack>
  );
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const tally = plan.tally;
  const document = plan.documentNumber
    ? plan.documentDate ? t('reform.documentDated', { number: plan.documentNumber, date: formatPlainDate(plan.documentDate) }) : t('reform.document', { number: plan.documentNumber })
    : t('reform.noDocument');
  return (
    <Card padding="md" withBorder>
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light" color="gray">{plan.year}</Badge>
          {!plan.wholePlan && <Badge variant="outline" color="blue.8">{t('reform.onlyMine')}</Badge>}
        </Group>
        <Text component={Link} to={`/console/cai-cach/${plan.id}`} fw={650} c="blue.8" style={{ textDecoration: 'none' }} data-row-link>
          {plan.title}
        </Text>
        <Text size="sm" c="gray.7">{plan.agencyName} · {document}</Text>
        <Progress.Root size="lg">
          <Progress.Section value={tally.total ? (tally.done / tally.total) * 100 : 0} color="green" aria-label={t('reform.columns.done')} />
          <Progress.Section value={tally.total ? (tally.overdue / tally.total) * 100 : 0} color="red.9" aria-label={t('reform.columns.overdue')} />
        </Progress.Root>
        <Group gap="lg" wrap="wrap">
          <Figure label={t('reform.columns.tasks')} value={formatNumber(tally.total)} />
          <Figure label={t('reform.columns.done')} value={formatNumber(tally.done)} />
          <Figure label={t('reform.columns.overdue')} value={formatNumber(tally.overdue)} alert={tally.overdue > 0} />
          <Figure label={t('reform.columns.pending')} value={formatNumber(tally.pending)} />
          <Figure label={t('reform.columns.share')} value={formatPercent(tally.doneShare)} />
        </Group>
      </Stack>
    </Card>
  );
}

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text fw={700} c={alert ? 'red.8' : undefined}>{value}</Text>
    </Stack>
  );
}

function NewPlanDialog({ opened, onClose, year }: { opened: boolean; onClose: () => void; year: number }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const navigate = useNavigate();
  const agencies = agenciesWith(staff.assignments, reformPlanEditorRoles);
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.value ?? null);
  const [planYear, setPlanYear] = useState<number>(year);
  const [title, setTitle] = useState(() => t('reform.planForm.defaultName', { year }));
  const [documentNumber, setDocumentNumber] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const create = useCreatePlan();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!agencyId) return;
    create.mutate(
      { agencyId, year: planYear, title: title.trim(), ...(documentNumber.trim() ? { documentNumber: documentNumber.trim() } : {}), ...(documentDate ? { documentDate } : {}) },
      { onSuccess: (plan) => navigate(`/console/cai-cach/${plan.id}`) },
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('reform.planForm.title')} size="lg" closeButtonProps={{ 'aria-label': t('reform.close') }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select label={t('reform.planForm.agency')} data={agencies} value={agencyId} onChange={setAgencyId} required allowDeselect={false} />
          <NumberInput label={t('reform.planForm.year')} value={planYear} min={2000} max={2100} allowDecimal={false} required
            onChange={(value) => setPlanYear(typeof value === 'number' ? value : year)} w={160} />
          <TextInput label={t('reform.planForm.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={reformLimits.title} />
          <Group grow align="flex-start">
            <TextInput label={t('reform.planForm.documentNumber')} placeholder={t('reform.planForm.documentNumberPlaceholder')} value={documentNumber}
              onChange={(e) => setDocumentNumber(e.currentTarget.value)} maxLength={reformLimits.documentNumber} />
            <DateField label={t('reform.planForm.documentDate')} value={documentDate} onChange={setDocumentDate} clearable />
          </Group>
          {create.isError && <ProblemAlert title={t('reform.planForm.failed')} error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!agencyId || !title.trim()}>{t('reform.planForm.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
