import { Badge, Button, CloseButton, EmptyState, Group, LoadingOverlay, Paper, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../../shared/ui/PageLoader.tsx';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import { userPageSize, useStaffAccounts, type StaffAccount } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { pageOf, textOf, useTabParams } from '../adminQuery.ts';
import { CreateStaffDialog } from './CreateStaffDialog.tsx';
import { StaffDrawer } from './StaffDrawer.tsx';
import { ListPager } from '../../../shared/ui/ListPager.tsx';

/** "Tài khoản cán bộ": accounts in the administrator's subtrees, searched (`?q=`), paged, one opened in a drawer (`?user=`). */
export function UsersTab() {
  const { t } = useTranslation();
  const [params, update] = useTabParams();
  const q = textOf(params, 'q');
  const page = pageOf(params);
  const userId = textOf(params, 'user', 64) || undefined;
  const list = useStaffAccounts(q, page);
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim(), page: undefined }, { replace: true }), 350);
  useEffect(() => setSearch(q), [q]);

  const total = list.data?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <TextInput
          label={t('console.admin.users.search')}
          placeholder={t('console.admin.users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          rightSection={search ? <CloseButton size="sm" aria-label={t('console.admin.clearSearch')} onClick={() => { setSearch(''); update({ q: undefined, page: undefined }); }} /> : null}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 360 }}
          spellCheck={false}
          autoComplete="off"
        />
        <Button leftSection={<IconUserPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t('console.admin.users.create')}
        </Button>
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('console.admin.users.errorTitle')} error={list.error} onRetry={() => void list.refetch()} />
      ) : total === 0 ? (
        <EmptyState
          align="left"
          icon={q ? <IconUserSearch size={28} aria-hidden="true" /> : <IconUsers size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={t(q ? 'console.admin.users.emptySearch.title' : 'console.admin.users.empty.title')}
          description={t(q ? 'console.admin.users.emptySearch.body' : 'console.admin.users.empty.body')}
        />
      ) : (
        <Paper withBorder pos="relative" style={{ overflow: 'hidden' }}>
          <LoadingOverlay visible={list.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
          <StaffTable rows={list.data.items} selectedId={userId} onOpen={(id) => update({ user: id })} />
        </Paper>
      )}

      {total > 0 && (
        <ListPager
          page={page}
          pageSize={userPageSize}
          total={total}
          onPage={(next) => update({ page: next })}
          range={(values) => t('console.admin.users.range', values)}
          paginationLabel={t('console.admin.users.pagination')}
        />
      )}

      <StaffDrawer userId={userId} onClose={() => update({ user: undefined })} />
      {creating && (
        <CreateStaffDialog
          onClose={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            update({ user: user.id });
          }}
        />
      )}
    </Stack>
  );
}

function StaffTable({ rows, selectedId, onOpen }: { rows: StaffAccount[]; selectedId: string | undefined; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table stickyHeader verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.th}>{t('console.admin.users.username')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.users.fullName')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.users.roles')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.users.contact')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.users.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((user) => (
            <Table.Tr
              key={user.id}
              className={`${classes.clickableRow} ${user.disabled ? classes.endedRow : ''}`}
              data-selected={user.id === selectedId || undefined}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('button, a')) return;
                onOpen(user.id);
              }}
            >
              <Table.Td className={classes.nowrap}>
                <UnstyledButton onClick={() => onOpen(user.id)} className="motcua-code" fw={600} c="brand.8" aria-label={t('console.admin.users.open', { username: user.username })}>
                  {user.username}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {user.assignments.map((a) => (
                    <Text key={`${a.role}@${a.agencyId}`} size="xs" lh={1.35}>
                      <Text span size="xs" fw={600}>{t(`roles.${a.role}`)}</Text> · {shortAgencyName(a.agencyName)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{user.email ?? ''}</Text>
                <Text size="xs" className="motcua-figures">{user.phone ?? ''}</Text>
                {!user.email && !user.phone && <Text size="xs" c="gray.6">—</Text>}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" color={user.disabled ? 'gray' : 'green'}>{t(user.disabled ? 'console.admin.users.disabled' : 'console.admin.users.enabled')}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
