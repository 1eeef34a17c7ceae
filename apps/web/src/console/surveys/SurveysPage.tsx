import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatNumber, formatPlainDate } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { SurveyStatusBadge } from './SurveyStatusBadge.tsx';
import { useSurveyList } from './surveys.api.ts';

export function SurveysPage() {
  return (
    <SectionGuard section="surveys">
      <Surveys />
    </SectionGuard>
  );
}

const pageSize = 20;
const statuses = ['draft', 'open', 'closed'] as const;

/** `/console/khao-sat`: the surveys that cover the caller's agencies, newest first (counts at their agencies). */
function Surveys() {
  const { t } = useTranslation();
  usePageTitle(t('surveys.title'));
  const staff = useStaff();
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get('trang-thai'));
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const list = useSurveyList({ status, limit: pageSize, offset: (page - 1) * pageSize });
  // Administrators and managers design; the server narrows managers to provinces and districts.
  const designs = staff.assignments.some((a) => a.role === 'admin' || a.role === 'manager');
  const go = (next: { status?: string | undefined; page?: number }) => {
    const search = new URLSearchParams();
    if (next.status) search.set('trang-thai', next.status);
    if (next.page && next.page > 1) search.set('trang', String(next.page));
    setParams(search);
  };

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-surveys">{t('surveys.title')}</Title>
          <Text size="sm" c="gray.7">{t('surveys.subtitle')}</Text>
        </Stack>
        {designs && <Button component={Link} to="/console/khao-sat/moi" leftSection={<IconPlus size={16} aria-hidden="true" />}>{t('surveys.create')}</Button>}
      </Group>
      <Select
        label={t('surveys.list.filter')}
        value={status ?? 'all'}
        onChange={(v) => go({ status: !v || v === 'all' ? undefined : v })}
        allowDeselect={false}
        data={[{ value: 'all', label: t('surveys.list.all') }, ...statuses.map((s) => ({ value: s, label: t(`surveys.status.${s}`) }))]}
        w={240}
      />
      {list.isPending ? <PageLoader /> : list.isError ? (
        <ErrorState title={t('surveys.title')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder p="lg"><Text c="gray.7">{t('surveys.empty')}</Text></Paper>
      ) : (
        <>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Caption>{t('surveys.list.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.list.titleColumn')}</Table.Th>
                    <Table.Th>{t('surveys.list.period')}</Table.Th>
                    <Table.Th>{t('surveys.list.status')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.list.agencies')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.list.answered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td><Anchor component={Link} to={`/console/khao-sat/${s.id}`} fw={600}>{s.title}</Anchor></Table.Td>
                      <Table.Td className="motcua-figures">{t('surveys.periodLine', { from: formatPlainDate(s.periodFrom), to: formatPlainDate(s.periodTo) })}</Table.Td>
                      <Table.Td><SurveyStatusBadge status={s.status} /></Table.Td>
                      <Table.Td ta="right" className="motcua-figures">{formatNumber(s.agencies)}</Table.Td>
                      <Table.Td ta="right" className="motcua-figures">{t('surveys.list.answeredOf', { answered: formatNumber(s.answered), invited: formatNumber(s.invited) })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={(p) => go({ status, page: p })}
            range={(v) => t('surveys.list.range', v)} paginationLabel={t('surveys.list.pages')} />
        </>
      )}
    </Stack>
  );
}
