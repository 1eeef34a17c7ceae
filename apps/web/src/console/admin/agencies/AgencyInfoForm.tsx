import { Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, agencyChangeKeys, type Agency, type AgencyChanges } from '../admin.api.ts';
import { useAdminMutation } from '../feedback.ts';
import { isEmail, orNull } from '../validation.ts';

type Fields = Record<'name' | 'shortName' | 'address' | 'phone' | 'email', string>;

const fieldsOf = (agency: Agency): Fields => ({
  name: agency.name,
  shortName: agency.shortName ?? '',
  address: agency.address ?? '',
  phone: agency.phone ?? '',
  email: agency.email ?? '',
});

/** Only what was changed is sent: an empty optional field clears it. */
function changesOf(agency: Agency, fields: Fields): AgencyChanges {
  const before = fieldsOf(agency);
  const changes: AgencyChanges = {};
  if (fields.name.trim() !== before.name) changes.name = fields.name.trim();
  for (const key of ['shortName', 'address', 'phone', 'email'] as const) {
    if (fields[key].trim() !== before[key]) changes[key] = orNull(fields[key]);
  }
  return changes;
}

/** Name, short name, address, phone and e-mail of an agency (PATCH /agencies/:id). Mount with `key={agency.id}`. */
export function AgencyInfoForm({ agency, readOnly }: { agency: Agency; readOnly: boolean }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(agency));
  const [errors, setErrors] = useState<Partial<Fields>>({});
  const changes = changesOf(agency, fields);
  const dirty = Object.keys(changes).length > 0;
  const save = useAdminMutation({
    mutationFn: (body: AgencyChanges) => adminApi.updateAgency(agency.id, body),
    invalidate: () => agencyChangeKeys,
    success: () => t('console.admin.agencies.saved', { name: agency.name }),
    failure: t('console.admin.agencies.saveFailed'),
  });

  const set = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [key]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Fields> = {};
    if (!fields.name.trim()) next.name = t('console.admin.required');
    if (fields.email.trim() && !isEmail(fields.email.trim())) next.email = t('console.admin.invalidEmail');
    setErrors(next);
    if (Object.keys(next).length || !dirty) return;
    save.mutate(changes);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-info-title">
      <form onSubmit={submit} noValidate>
        <Fieldset variant="unstyled" disabled={readOnly} p={0}>
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={3} id="agency-info-title">{t('console.admin.agencies.info')}</Title>
            {dirty && <Text size="xs" c="orange.8">{t('console.admin.unsaved')}</Text>}
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('console.admin.agencies.fields.name')}
              value={fields.name}
              onChange={set('name')}
              error={errors.name}
              required
              maxLength={300}
              style={{ gridColumn: '1 / -1' }}
            />
            <TextInput
              label={t('console.admin.agencies.fields.shortName')}
              placeholder={t('console.admin.agencies.fields.shortNameHint')}
              value={fields.shortName}
              onChange={set('shortName')}
              maxLength={100}
            />
            <TextInput label={t('console.admin.agencies.fields.phone')} value={fields.phone} onChange={set('phone')} maxLength={50} type="tel" />
            <TextInput label={t('console.admin.agencies.fields.address')} value={fields.address} onChange={set('address')} maxLength={300} />
            <TextInput label={t('console.admin.agencies.fields.email')} value={fields.email} onChange={set('email')} error={errors.email} maxLength={200} type="email" />
          </SimpleGrid>
          {!readOnly && <Group gap="sm" justify="flex-end">
            <Button variant="default" disabled={!dirty || save.isPending} onClick={() => { setFields(fieldsOf(agency)); setErrors({}); }}>
              {t('console.admin.reset')}
            </Button>
            <Button type="submit" disabled={!dirty} loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
              {t('console.admin.save')}
            </Button>
          </Group>}
        </Stack>
        </Fieldset>
      </form>
    </Paper>
  );
}
