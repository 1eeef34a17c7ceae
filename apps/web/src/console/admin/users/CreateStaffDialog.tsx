import { ActionIcon, Button, CopyButton, Divider, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDice5 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, adminKeys, type NewStaff, type StaffAccount } from '../admin.api.ts';
import { useAdminMutation, useServerFieldErrors } from '../feedback.ts';
import { generatePassword, isEmail, isStaffPhone, isUsername, minPasswordLength } from '../validation.ts';
import { useAssignableAgencies } from './assignable.ts';
import { checkRoles, RolesEditor, type RoleDraft } from './RolesEditor.tsx';

type Field = 'username' | 'fullName' | 'email' | 'phone' | 'password';

/** A new staff account with its roles (POST /users); the password is handed over in person. */
export function CreateStaffDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: StaffAccount) => void }) {
  const { t } = useTranslation();
  const assignable = useAssignableAgencies();
  const [fields, setFields] = useState<Record<Field, string>>({ username: '', fullName: '', email: '', phone: '', password: '' });
  const [roles, setRoles] = useState<RoleDraft[]>([{ role: null, agencyId: null }]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [roleErrors, setRoleErrors] = useState<{ rows: Record<number, string>; error?: string | undefined }>({ rows: {} });
  const create = useAdminMutation({
    mutationFn: (body: NewStaff) => adminApi.createStaff(body),
    invalidate: () => [adminKeys.users],
    success: (user) => t('console.admin.users.created', { username: user.username }),
    failure: t('console.admin.users.createFailed'),
  });
  const fieldErrorsOf = useServerFieldErrors<Field>(['username', 'fullName', 'email', 'phone', 'password']);
  const set = (key: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [key]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const username = fields.username.trim();
    if (!isUsername(username)) next.username = t('console.admin.users.usernameInvalid');
    if (!fields.fullName.trim()) next.fullName = t('console.admin.required');
    if (fields.email.trim() && !isEmail(fields.email.trim())) next.email = t('console.admin.invalidEmail');
    if (fields.phone.trim() && !isStaffPhone(fields.phone.trim())) next.phone = t('console.admin.invalidPhone');
    if (fields.password.length < minPasswordLength) next.password = t('console.admin.users.passwordShort', { min: minPasswordLength });
    const checked = checkRoles(t, roles);
    setErrors(next);
    setRoleErrors({ rows: checked.rowErrors, error: checked.error });
    if (Object.keys(next).length || Object.keys(checked.rowErrors).length || checked.error) return;
    create.mutate(
      {
        username,
        fullName: fields.fullName.trim(),
        ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
        ...(fields.phone.trim() ? { phone: fields.phone.trim() } : {}),
        password: fields.password,
        assignments: checked.roles,
      },
      { onSuccess: onCreated, onError: (error) => setErrors(fieldErrorsOf(error)) },
    );
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t('console.admin.users.createTitle')}</Text>} size="xl" closeOnClickOutside={!create.isPending}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('console.admin.users.username')}
              placeholder={t('console.admin.users.usernameHint')}
              value={fields.username}
              onChange={set('username')}
              error={errors.username}
              required
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              classNames={{ input: 'motcua-code' }}
              data-autofocus
            />
            <TextInput label={t('console.admin.users.fullName')} value={fields.fullName} onChange={set('fullName')} error={errors.fullName} required maxLength={200} autoComplete="off" />
            <TextInput label={t('console.admin.users.email')} value={fields.email} onChange={set('email')} error={errors.email} type="email" maxLength={200} autoComplete="off" />
            <TextInput label={t('console.admin.users.phone')} value={fields.phone} onChange={set('phone')} error={errors.phone} type="tel" maxLength={20} autoComplete="off" />
          </SimpleGrid>
          <PasswordField value={fields.password} onChange={(password) => setFields((current) => ({ ...current, password }))} error={errors.password} />
          <Divider label={t('console.admin.users.roles')} labelPosition="left" />
          <Text size="xs" c="gray.7">{t('console.admin.users.rolesHint')}</Text>
          <RolesEditor value={roles} onChange={setRoles} agencies={assignable.options} rowErrors={roleErrors.rows} error={roleErrors.error} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('console.admin.users.createSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A password typed or generated, with a copy button: the administrator hands it over in person. */
export function PasswordField({ value, onChange, error, label }: { value: string; onChange: (value: string) => void; error?: string | undefined; label?: string }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <PasswordInput
        visible={visible}
        onVisibilityChange={setVisible}
        label={label ?? t('console.admin.users.password')}
        description={t('console.admin.users.passwordHint', { min: minPasswordLength })}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        required
        maxLength={200}
        autoComplete="new-password"
        style={{ flex: 1 }}
        classNames={{ innerInput: 'motcua-code' }}
      />
      <Tooltip label={t('console.admin.users.generate')}>
        <ActionIcon variant="default" size={36} aria-label={t('console.admin.users.generate')} onClick={() => { onChange(generatePassword()); setVisible(true); }} mb={error ? 22 : 0}>
          <IconDice5 size={18} aria-hidden="true" />
        </ActionIcon>
      </Tooltip>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('console.admin.users.copied') : t('console.admin.users.copy')}>
            <ActionIcon variant="default" size={36} aria-label={t('console.admin.users.copy')} onClick={copy} disabled={!value} mb={error ? 22 : 0}>
              {copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
