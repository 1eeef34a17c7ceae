import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { PlainDate } from '@motcua/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../../shared/format.ts';
import { levelName } from '../../reports/ReportFilters.tsx';
import { adminApi, agencyChangeKeys, type Agency, type AgencyChanges, type NewAgency } from '../admin.api.ts';
import { DateField } from '../../../shared/ui/DateField.tsx';
import { useAdminMutation, useServerFieldErrors } from '../feedback.ts';
import { isCode } from '../validation.ts';
import { isEnded, type AgencyForest } from './agencyModel.ts';

/** Levels offered for a new agency, top down. */
const levels = ['province', 'department', 'police', 'district', 'commune'] as const;

interface EndProps {
  agency: Agency;
  forest: AgencyForest;
  today: PlainDate;
  onClose: () => void;
}

/**
 * Ends an agency: its last day and, when it was merged, the agency that takes over its dossiers
 * and history. Nothing is deleted: the agency stays in the tree, greyed, with its end date.
 */
export function EndAgencyDialog({ agency, forest, today, onClose }: EndProps) {
  const { t } = useTranslation();
  const [how, setHow] = useState<'merged' | 'abolished'>('merged');
  const [validTo, setValidTo] = useState('');
  const [successor, setSuccessor] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ validTo?: string; successor?: string }>({});
  const fieldErrorsOf = useServerFieldErrors(['validTo', 'successorCode'] as const);
  const successors = useMemo(
    () => forest.ordered
      .filter((n) => n.id !== agency.id && !isEnded(n, today))
      .map((n) => ({ value: n.code, label: `${n.name} (${n.code})` })),
    [forest, agency.id, today],
  );
  const end = useAdminMutation({
    mutationFn: (body: AgencyChanges) => adminApi.updateAgency(agency.id, body),
    invalidate: () => agencyChangeKeys,
    success: (_, body) => t('console.admin.agencies.end.done', { name: agency.name, date: formatPlainDate(body.validTo ?? '') }),
    failure: t('console.admin.agencies.end.failed'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!validTo) next.validTo = t('console.admin.agencies.end.dateRequired');
    else if (agency.validFrom && validTo < agency.validFrom) {
      next.validTo = t('console.admin.agencies.end.beforeStart', { date: formatPlainDate(agency.validFrom) });
    }
    if (how === 'merged' && !successor) next.successor = t('console.admin.agencies.end.successorRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    end.mutate({ validTo, successorCode: how === 'merged' ? successor : null }, {
      onSuccess: onClose,
      onError: (error) => {
        const server = fieldErrorsOf(error);
        setErrors({ validTo: server.validTo, successor: server.successorCode });
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t('console.admin.agencies.end.title')}</Text>} size="lg" closeOnClickOutside={!end.isPending}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{agency.name} <Text span c="gray.7" className="motcua-code">({agency.code})</Text></Text>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8}>
            <Text size="sm">{t('console.admin.agencies.end.explain')}</Text>
          </Alert>
          <Radio.Group label={t('console.admin.agencies.end.how')} value={how} onChange={(value) => setHow(value as typeof how)}>
            <Stack gap={6} mt={4}>
              <Radio value="merged" label={t('console.admin.agencies.end.merged')} />
              <Radio value="abolished" label={t('console.admin.agencies.end.abolished')} />
            </Stack>
          </Radio.Group>
          <DateField
            label={t('console.admin.agencies.end.validTo')}
            description={t('console.admin.agencies.end.validToHint')}
            value={validTo}
            onChange={setValidTo}
            error={errors.validTo}
            minDate={agency.validFrom ?? undefined}
            required
            w={220}
            data-autofocus
          />
          {how === 'merged' && (
            <Select
              label={t('console.admin.agencies.end.successor')}
              placeholder={t('console.admin.agencies.end.successorPlaceholder')}
              data={successors}
              value={successor}
              onChange={setSuccessor}
              error={errors.successor}
              searchable
              required
              nothingFoundMessage={t('console.admin.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={end.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" color="red" loading={end.isPending}>{t('console.admin.agencies.end.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface AddProps {
  parent: Agency;
  forest: AgencyForest;
  onClose: () => void;
  onCreated: (agency: Agency) => void;
}

/** Adds an agency under the selected one (POST /agencies). */
export function AddAgencyDialog({ parent, forest, onClose, onCreated }: AddProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<string | null>(parent.level === 'province' ? 'commune' : null);
  const [validFrom, setValidFrom] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string; level?: string }>({});
  const fieldErrorsOf = useServerFieldErrors(['code', 'name', 'level'] as const);
  const create = useAdminMutation({
    mutationFn: (body: NewAgency) => adminApi.createAgency(body),
    invalidate: () => agencyChangeKeys,
    success: (agency) => t('console.admin.agencies.add.done', { name: agency.name }),
    failure: t('console.admin.agencies.add.failed'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!isCode(code.trim())) next.code = t('console.admin.invalidCode');
    else if (forest.byCode.has(code.trim())) next.code = t('console.admin.agencies.add.codeTaken');
    if (!name.trim()) next.name = t('console.admin.required');
    if (!level) next.level = t('console.admin.required');
    setErrors(next);
    if (Object.keys(next).length || !level) return;
    create.mutate(
      { code: code.trim(), name: name.trim(), level, parentId: parent.id, ...(validFrom ? { validFrom } : {}) },
      { onSuccess: (agency) => onCreated(agency), onError: (error) => setErrors(fieldErrorsOf(error)) },
    );
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t('console.admin.agencies.add.title')}</Text>} size="lg" closeOnClickOutside={!create.isPending}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="gray.7">{t('console.admin.agencies.add.under', { name: parent.name })}</Text>
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              label={t('console.admin.agencies.fields.code')}
              description={t('console.admin.agencies.fields.codeHint')}
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
            <Select
              label={t('console.admin.agencies.fields.level')}
              description=" "
              data={levels.map((value) => ({ value, label: levelName(t, value) }))}
              value={level}
              onChange={setLevel}
              error={errors.level}
              required
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <TextInput
            label={t('console.admin.agencies.fields.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            maxLength={300}
          />
          <DateField
            label={t('console.admin.agencies.fields.validFrom')}
            description={t('console.admin.agencies.fields.validFromHint')}
            value={validFrom}
            onChange={setValidFrom}
            clearable
            w={220}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('console.admin.agencies.add.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
