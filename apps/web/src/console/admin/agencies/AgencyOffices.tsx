import { Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { adminApi, adminKeys, type Agency, type AgencyOffices as Offices, type NewOffice, type Office } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { useAdminMutation, useServerFieldErrors } from '../feedback.ts';
import { isCode } from '../validation.ts';

type Kind = 'counters' | 'units';

interface Props {
  agency: Agency;
  offices: { data: Offices | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** Ended agencies receive no new counters or units. */
  readOnly: boolean;
}

/** The agency's one-stop counters (Bộ phận một cửa) and its units (phòng ban), each with an "add" dialog. */
export function AgencyOffices({ agency, offices, readOnly }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<Kind>();

  const section = (kind: Kind) => {
    const rows = offices.data?.[kind] ?? [];
    const id = `agency-${kind}-title`;
    return (
      <Paper withBorder p="md" component="section" aria-labelledby={id}>
        <Stack gap="xs">
          <Group justify="space-between" align="center">
            <Group gap={8} align="baseline">
              <Title order={3} id={id}>{t(`console.admin.offices.${kind}.title`)}</Title>
              {offices.data && <Text size="sm" c="gray.6">({rows.length})</Text>}
            </Group>
            {!readOnly && (
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden="true" />} onClick={() => setAdding(kind)}>
                {t(`console.admin.offices.${kind}.add`)}
              </Button>
            )}
          </Group>
          {offices.isPending ? (
            <Skeleton h={60} />
          ) : offices.isError ? (
            <ErrorState title={t('console.admin.offices.errorTitle')} error={offices.error} onRetry={() => void offices.refetch()} />
          ) : rows.length === 0 ? (
            <Text size="sm" c="gray.7">{t(`console.admin.offices.${kind}.empty`)}</Text>
          ) : (
            <OfficeTable kind={kind} rows={rows} />
          )}
        </Stack>
      </Paper>
    );
  };

  return (
    <>
      {section('counters')}
      {section('units')}
      {adding && <AddOfficeDialog agency={agency} kind={adding} existing={offices.data?.[adding] ?? []} onClose={() => setAdding(undefined)} />}
    </>
  );
}

function OfficeTable({ kind, rows }: { kind: Kind; rows: Office[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={5} horizontalSpacing="xs" fz="sm" withTableBorder={false} data-testid={`agency-${kind}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.th} w={120}>{t('console.admin.offices.code')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.offices.name')}</Table.Th>
            {kind === 'counters' && <Table.Th className={classes.th}>{t('console.admin.offices.address')}</Table.Th>}
            <Table.Th className={classes.th} w={1}>{t('console.admin.offices.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((office) => (
            <Table.Tr key={office.id} className={office.active ? undefined : classes.endedRow}>
              <Table.Td className={`${classes.nowrap} motcua-code`}>{office.code}</Table.Td>
              <Table.Td>{office.name}</Table.Td>
              {kind === 'counters' && <Table.Td>{('address' in office && office.address) || <Text span c="gray.6">—</Text>}</Table.Td>}
              <Table.Td className={classes.nowrap}>
                <Text span size="xs" fw={600} c={office.active ? 'green.9' : 'gray.7'}>
                  {t(office.active ? 'console.admin.offices.active' : 'console.admin.offices.inactive')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddOfficeDialog({ agency, kind, existing, onClose }: { agency: Agency; kind: Kind; existing: Office[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const fieldErrorsOf = useServerFieldErrors(['code', 'name'] as const);
  const add = useAdminMutation({
    mutationFn: (body: NewOffice) => adminApi.addOffice(agency.id, kind, body),
    invalidate: () => [adminKeys.offices(agency.id)],
    success: (office) => t(`console.admin.offices.${kind}.added`, { name: office.name, agency: agency.name }),
    failure: t(`console.admin.offices.${kind}.addFailed`),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!isCode(code.trim())) next.code = t('console.admin.invalidCode');
    else if (existing.some((o) => o.code === code.trim())) next.code = t('console.admin.offices.codeTaken');
    if (!name.trim()) next.name = t('console.admin.required');
    setErrors(next);
    if (Object.keys(next).length) return;
    add.mutate(
      { code: code.trim(), name: name.trim(), ...(kind === 'counters' && address.trim() ? { address: address.trim() } : {}) },
      { onSuccess: onClose, onError: (error) => setErrors(fieldErrorsOf(error)) },
    );
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t(`console.admin.offices.${kind}.add`)}</Text>} closeOnClickOutside={!add.isPending}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="gray.7">{agency.name}</Text>
          <TextInput
            label={t('console.admin.offices.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
            required
            maxLength={64}
            classNames={{ input: 'motcua-code' }}
            spellCheck={false}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('console.admin.offices.name')}
            placeholder={t(`console.admin.offices.${kind}.namePlaceholder`)}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            maxLength={300}
          />
          {kind === 'counters' && (
            <TextInput label={t('console.admin.offices.address')} value={address} onChange={(event) => setAddress(event.currentTarget.value)} maxLength={300} />
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={add.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={add.isPending}>{t(`console.admin.offices.${kind}.submit`)}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
