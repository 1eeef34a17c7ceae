import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { formatNumber, formatPercent, formatPlainDate } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { downloadFile } from '../reports/download.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { stateLabel, taskCode } from './labels.ts';
import { reportFileUrl, usePlans, useReformReport, type ReformReport, type ReportQuery, type Tally } from './reform.api.ts';
import { vietnamYear } from './ReformPlansPage.tsx';
import classes from './Reform.module.css';

/** Tasks done (on time, late), overdue and pending on a date, per lead unit and per plan, with the files to download. */
export function ReformReportPage() {
  return (
    <SectionGuard section="reform">
      <ReportView />
    </SectionGuard>
  );
}

function ReportView() {
  const { t } = useTranslation();
  usePageTitle(t('reform.report.title'));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || vietnamYear();
  const on = params.get('ngay') ?? '';
  const planId = params.get('ke-hoach');
  const query: ReportQuery = { year, ...(on ? { on } : {}), ...(planId ? { planId } : {}) };
  const report = useReformReport(query);
  const plans = usePlans(year);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1280}>
      <Button component={Link} to={`/console/cai-cach?nam=${year}`} variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('reform.report.back')}
      </Button>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} fz="h2" data-testid="reform-report-title">{t('reform.report.title')}</Title>
          {report.data && <Text size="sm" c="gray.7">{t('reform.report.line', { year: report.data.year, date: formatPlainDate(report.data.on) })}</Text>}
        </Stack>
        <Exports query={query} />
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput label={t('reform.report.year')} value={year} min={2000} max={2100} allowDecimal={false} w={110}
          onChange={(value) => { if (typeof value === 'number' && value >= 2000 && value <= 2100) set({ nam: String(value), 'ke-hoach': null, ngay: null }); }} />
        <DateField label={t('reform.report.on')} description={t('reform.report.onHint')} value={on} onChange={(value) => set({ ngay: value || null })} clearable w={{ base: '100%', sm: 230 }} />
        <Select label={t('reform.report.plan')} placeholder={t('reform.report.allPlans')} value={planId} clearable w={{ base: '100%', sm: 380 }}
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} onChange={(value) => set({ 'ke-hoach': value })} />
      </Group>
      {report.isPending ? <PageLoader /> : report.isError ? (
        <ErrorState title={t('reform.report.title')} error={report.error} onRetry={() => void report.refetch()} />
      ) : <ReportBody report={report.data} />}
    </Stack>
  );
}

function Exports({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  async function download(event: MouseEvent<HTMLAnchorElement>, format: 'xlsx' | 'pdf') {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (busy) return;
    setBusy(format);
    try {
      await downloadFile(reportFileUrl(query, format), `cai-cach-hanh-chinh-${query.year}.${format}`);
    } catch (error) {
      notifications.show({ color: 'red', title: t('reform.report.exportFailed'), message: isApiError(error) ? localized(error.messages, language) : t('errors.network') });
    } finally {
      setBusy(null);
    }
  }
  return (
    <Group gap="xs">
      <Button component="a" href={reportFileUrl(query, 'xlsx')} onClick={(e: MouseEvent<HTMLAnchorElement>) => void download(e, 'xlsx')} loading={busy === 'xlsx'}
        variant="light" leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />}>{t('reform.report.xlsx')}</Button>
      <Button component="a" href={reportFileUrl(query, 'pdf')} onClick={(e: MouseEvent<HTMLAnchorElement>) => void download(e, 'pdf')} loading={busy === 'pdf'}
        variant="light" leftSection={<IconFileTypePdf size={18} aria-hidden="true" />}>{t('reform.report.pdf')}</Button>
    </Group>
  );
}

function Card2({ label, value, hint, alert }: { label: string; value: string; hint?: string; alert?: boolean }) {
  return (
    <Card padding="md" withBorder style={alert ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Text size="sm" c="gray.7">{label}</Text>
      <Text fz={28} fw={700} c={alert ? 'red.8' : undefined} lh={1.2}>{value}</Text>
      {hint && <Text size="xs" c="gray.7">{hint}</Text>}
    </Card>
  );
}

function ReportBody({ report }: { report: ReformReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = report.total;
  if (total.total === 0) return <Card padding="md"><Text size="sm" c="gray.7">{t('reform.report.empty')}</Text></Card>;
  const late = report.tasks.filter((task) => task.state === 'overdue');
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="reform-report-cards">
        <Card2 label={t('reform.report.cards.total')} value={formatNumber(total.total)} />
        <Card2 label={t('reform.report.cards.done')} value={formatNumber(total.done)} hint={t('reform.report.cards.onTimeLate', { onTime: formatNumber(total.doneOnTime), late: formatNumber(total.doneLate) })} />
        <Card2 label={t('reform.report.cards.overdue')} value={formatNumber(total.overdue)} hint={t('reform.report.cards.overdueHint')} alert={total.overdue > 0} />
        <Card2 label={t('reform.report.cards.pending')} value={formatNumber(total.pending)}
          hint={t('reform.report.cards.pendingHint', { inProgress: formatNumber(total.inProgress), notStarted: formatNumber(total.notStarted) })} />
        <Card2 label={t('reform.report.cards.share')} value={formatPercent(total.doneShare)} hint={t('reform.report.cards.onTimeShare', { share: formatPercent(total.onTimeShare) })} />
      </SimpleGrid>
      <TallyTable title={t('reform.report.byUnit')} first={t('reform.report.columns.unit')} rows={report.byUnit} total={total} testId="reform-report-units" />
      <TallyTable title={t('reform.report.byPlan')} first={t('reform.report.columns.plan')} rows={report.byPlan} total={total} testId="reform-report-plans" />
      <Stack gap="xs" component="section" aria-labelledby="reform-report-overdue">
        <Title order={2} fz="h4" id="reform-report-overdue">{t('reform.report.overdueTasks')}</Title>
        <Card padding={0}>
          {late.length === 0 ? <Text p="md" size="sm" c="gray.7">{t('reform.report.noOverdue')}</Text> : (
            <Table.ScrollContainer minWidth={720}>
              <Table fz="sm" verticalSpacing={6} data-testid="reform-report-overdue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reform.report.columns.task')}</Table.Th>
                    <Table.Th>{t('reform.report.columns.unit')}</Table.Th>
                    <Table.Th>{t('reform.report.columns.deadline')}</Table.Th>
                    <Table.Th ta="right">{t('reform.report.columns.progress')}</Table.Th>
                    <Table.Th ta="right">{t('reform.report.columns.daysLate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {late.map((task) => (
                    <Table.Tr key={task.id} className={classes.overdueRow}>
                      <Table.Td>
                        <Link to={`/console/cai-cach/nhiem-vu/${task.id}`} className={classes.taskLink}>{taskCode(task.area, task.number)}. {task.title}</Link>
                        <Text size="xs" c="gray.7">{task.planTitle}</Text>
                      </Table.Td>
                      <Table.Td>{task.lead}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPlainDate(task.deadline)}</Table.Td>
                      <Table.Td ta="right">{task.progress}%</Table.Td>
                      <Table.Td ta="right"><Badge color="red.9" variant="filled" title={stateLabel(task.state, language)}>{formatNumber(task.daysLate)}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </Stack>
  );
}

function TallyTable({ title, first, rows, total, testId }: { title: string; first: string; rows: ReformReport['byUnit']; total: Tally; testId: string }) {
  const { t } = useTranslation();
  const id = `${testId}-title`;
  const cells = (r: Tally) => [
    formatNumber(r.total), formatNumber(r.done), formatNumber(r.doneOnTime), formatNumber(r.doneLate), formatNumber(r.overdue), formatNumber(r.pending), formatPercent(r.doneShare),
  ];
  const heads = ['total', 'done', 'onTime', 'late', 'overdue', 'pending', 'share'] as const;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" id={id}>{title}</Title>
      <Card padding={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table fz="sm" verticalSpacing={6} striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{first}</Table.Th>
                {heads.map((h) => <Table.Th key={h} ta="right">{t(`reform.report.columns.${h}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <Text size="sm" fw={600}>{r.name}</Text>
                    {r.detail && <Text size="xs" c="gray.7">{r.detail}</Text>}
                  </Table.Td>
                  {cells(r).map((v, i) => <Table.Td key={heads[i]} ta="right" c={heads[i] === 'overdue' && r.overdue > 0 ? 'red.8' : undefined} fw={heads[i] === 'overdue' && r.overdue > 0 ? 700 : undefined}>{v}</Table.Td>)}
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('reform.report.total')}</Table.Td>
                {cells(total).map((v, i) => <Table.Td key={heads[i]} ta="right">{v}</Table.Td>)}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
