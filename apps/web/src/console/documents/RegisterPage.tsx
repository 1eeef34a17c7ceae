import { Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport, IconFilePencil, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { officialDocumentStatuses, type DocumentDirection, type OfficialDocumentStatus, type OfficialDocumentType } from '@motcua/domain';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { hasRoleAnywhere } from './roles.ts';
import { useStaff } from '../useStaff.ts';
import { useDocumentList, type DocumentListItem, type DocumentQuery } from './documents.api.ts';
import { typeLabel, typeOptions } from './labels.ts';

const pageSize = 25;

/** The registers (sổ văn bản đi / đến): search without diacritics, filters, pages; each row opens the document. */
export function RegisterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('documents.title'));
  const staff = useStaff();
  const [params, setParams] = useSearchParams();
  const direction = (params.get('huong') as DocumentDirection | null) ?? undefined;
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const query: DocumentQuery = {
    direction,
    q: params.get('q') || undefined,
    symbol: params.get('so') || undefined,
    year: params.get('nam') ? Number(params.get('nam')) : undefined,
    type: (params.get('loai') as OfficialDocumentType | null) ?? undefined,
    status: (params.get('tt') as OfficialDocumentStatus | null) ?? undefined,
    overdue: params.get('qua-han') === '1' ? 'true' : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const list = useDocumentList(query);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const [q, setQ] = useState(query.q ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const pushQ = useDebouncedCallback((value: string) => set({ q: value.trim() || undefined }), 350);
  const filtered = [...params.keys()].some((k) => k !== 'trang');

  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-documents">{t('documents.title')}</Title>
          <Text c="gray.7" size="sm">{t('documents.subtitle')}</Text>
        </Stack>
        <Group gap="xs">
          {hasRoleAnywhere(staff.assignments, ['officer']) && (
            <Button component={Link} to="/console/van-ban/den/moi" leftSection={<IconFileImport size={18} aria-hidden="true" />} variant="light">
              {t('documents.newIncoming')}
            </Button>
          )}
          {hasRoleAnywhere(staff.assignments, ['officer', 'specialist']) && (
            <Button component={Link} to="/console/van-ban/di/moi" leftSection={<IconFilePencil size={18} aria-hidden="true" />}>
              {t('documents.newOutgoing')}
            </Button>
          )}
        </Group>
      </Group>

      <SegmentedControl
        value={direction ?? 'any'}
        onChange={(value) => set({ huong: value === 'any' ? undefined : value })}
        data={(['any', 'incoming', 'outgoing'] as const).map((value) => ({ value, label: t(`documents.direction.${value}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('documents.filters.search')}
          placeholder={t('documents.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(event) => { setQ(event.currentTarget.value); pushQ(event.currentTarget.value); }}
          w={{ base: '100%', sm: 300 }}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput label={t('documents.filters.symbol')} defaultValue={query.symbol ?? ''} key={query.symbol ?? ''}
          onBlur={(event) => set({ so: event.currentTarget.value.trim() || undefined })}
          onKeyDown={(event) => { if (event.key === 'Enter') set({ so: event.currentTarget.value.trim() || undefined }); }}
          w={{ base: '47%', sm: 150 }} autoComplete="off" />
        <NumberInput label={t('documents.filters.year')} value={query.year ?? ''} min={1800} max={2299} allowDecimal={false} hideControls
          onChange={(value) => set({ nam: typeof value === 'number' && value >= 1800 ? String(value) : undefined })} w={{ base: '47%', sm: 100 }} />
        <Select label={t('documents.filters.type')} placeholder={t('documents.filters.any')} data={typeOptions(language)} value={query.type ?? null}
          onChange={(value) => set({ loai: value ?? undefined })} clearable searchable w={{ base: '100%', sm: 200 }} />
        <Select label={t('documents.filters.status')} placeholder={t('documents.filters.any')} value={query.status ?? null}
          data={officialDocumentStatuses.map((s) => ({ value: s, label: t(`documents.status.${s}`) }))}
          onChange={(value) => set({ tt: value ?? undefined })} clearable w={{ base: '100%', sm: 170 }} />
        <Checkbox label={t('documents.filters.overdue')} checked={query.overdue === 'true'} onChange={(event) => set({ 'qua-han': event.currentTarget.checked ? '1' : undefined })} mb={8} />
        {filtered && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => { setQ(''); setParams(new URLSearchParams(), { replace: true }); }}>
            {t('documents.filters.clear')}
          </Button>
        )}
      </Group>

      {list.isError ? (
        <ErrorState title={t('documents.title')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing={6} horizontalSpacing="xs" fz="sm" data-testid="document-register">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('documents.columns.number')}</Table.Th>
                  <Table.Th>{t('documents.columns.date')}</Table.Th>
                  <Table.Th>{t('documents.columns.type')}</Table.Th>
                  <Table.Th>{t('documents.columns.summary')}</Table.Th>
                  <Table.Th>{t('documents.columns.body')}</Table.Th>
                  <Table.Th>{t('documents.columns.status')}</Table.Th>
                  <Table.Th>{t('documents.columns.due')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((row) => <RegisterRow key={row.id} row={row} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && list.data.items.length === 0 && <Text p="md" c="gray.7" size="sm">{t('documents.empty')}</Text>}
        </Card>
      )}
      {list.data && list.data.total > 0 && (
        <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={(p) => set({ trang: p > 1 ? String(p) : undefined })}
          range={(values) => t('documents.range', values)} paginationLabel={t('documents.pagination')} />
      )}
    </Stack>
  );
}

function RegisterRow({ row }: { row: DocumentListItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = row.direction === 'incoming' ? row.registeredAt : row.issuedAt ?? row.createdAt;
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Link to={`/console/van-ban/${row.id}`} className="motcua-code" data-row-link>
            {row.numberText ?? t('documents.draftNumber')}
          </Link>
          <Text size="xs" c="gray.7">{t(`documents.direction.${row.direction}`)}{row.originalNumber ? ` · ${row.originalNumber}` : ''}</Text>
        </Stack>
      </Table.Td>
      <Table.Td>{formatDate(date)}</Table.Td>
      <Table.Td>{typeLabel(row.type, language)}</Table.Td>
      <Table.Td maw={420}><Text size="sm" lineClamp={2}>{row.summary}</Text></Table.Td>
      <Table.Td maw={220}><Text size="sm" lineClamp={2}>{row.direction === 'incoming' ? row.issuingBody : row.recipients}</Text></Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap">
          <Badge styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }} variant="light" color={row.status === 'issued' || row.status === 'handled' ? 'green' : 'blue'}>{t(`documents.status.${row.status}`)}</Badge>
          {row.digitallySigned && <Badge variant="outline" color="teal">{t('documents.digital')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td>
        {row.dueAt ? (
          <Text size="sm" c={row.overdue ? 'red.8' : undefined} fw={row.overdue ? 650 : undefined}>
            {formatDateTime(row.dueAt)}{row.overdue ? ` · ${t('documents.overdue')}` : ''}
          </Text>
        ) : '—'}
      </Table.Td>
    </Table.Tr>
  );
}
