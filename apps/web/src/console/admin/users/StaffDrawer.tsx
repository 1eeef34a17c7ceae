import { Alert, Badge, Button, Divider, Drawer, Fieldset, Group, Modal, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle, IconKey, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { client } from '../../../shared/api.ts';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { useStaff } from '../../useStaff.ts';
import { adminApi, adminKeys, useStaffAccount, type RoleInput, type StaffAccount, type StaffChanges } from '../admin.api.ts';
import { useAdminMutation } from '../feedback.ts';
import { isEmail, isStaffPhone, minPasswordLength, orNull } from '../validation.ts';
import { useAssignableAgencies } from './assignable.ts';
import { PasswordField } from './CreateStaffDialog.tsx';
import { checkRoles, RolesEditor, type RoleDraft } from './RolesEditor.tsx';

/** One staff account (`?user=<id>`): profile, roles, password, disabled. */
export function StaffDrawer({ userId, onClose }: { userId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const account = useStaffAccount(userId);
  // Which roles this administrator may change is known once their agencies are loaded.
  const assignable = useAssignableAgencies();
  const user = account.data;
  return (
    <Drawer
      opened={Boolean(userId)}
      onClose={onClose}
      position="right"
      size={600}
      title={<Text fw={650}>{t('console.admin.users.drawerTitle')}</Text>}
      closeButtonProps={{ 'aria-label': t('console.admin.close') }}
    >
      {account.isPending || assignable.isPending ? (
        <Stack gap="md"><Skeleton h={60} /><Skeleton h={200} /></Stack>
      ) : account.isError || !user ? (
        <ErrorState title={t('console.admin.users.errorOne')} error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <StaffDetails key={`${user.id}:${user.fullName}:${user.email}:${user.phone}:${user.disabled}:${user.unit?.id ?? ''}:${JSON.stringify(user.assignments)}`} user={user} />
      )}
    </Drawer>
  );
}

const userKeys = (user: StaffAccount) => [adminKeys.users, adminKeys.user(user.id)];

function StaffDetails({ user }: { user: StaffAccount }) {
  const { t } = useTranslation();
  const me = useStaff();
  const self = me.user.id === user.id;
  const assignable = useAssignableAgencies();
  // Roles at agencies outside this administrator's subtrees: shown, kept, not editable here.
  const outside = user.assignments.filter((a) => !assignable.managedIds.has(a.agencyId));
  const manageable = outside.length === 0;

  return (
    <Stack gap="md" data-testid="staff-details">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2} fz="lg">{user.fullName}</Title>
          <Badge color={user.disabled ? 'gray' : 'green'}>{t(user.disabled ? 'console.admin.users.disabled' : 'console.admin.users.enabled')}</Badge>
        </Group>
        <Text size="sm" className="motcua-code" c="gray.8">{user.username}</Text>
        {self && <Text size="xs" c="gray.7">{t('console.admin.users.selfNote')}</Text>}
        {!manageable && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8}>
            <Text size="sm">{t('console.admin.users.outsideNote')}</Text>
          </Alert>
        )}
      </Stack>
      <ProfileForm user={user} readOnly={!manageable} />
      <Divider />
      <RolesForm user={user} readOnly={self} outside={outside} />
      {manageable && !self && (
        <>
          <Divider />
          <PasswordForm user={user} />
          <Divider />
          <DisableSection user={user} />
        </>
      )}
    </Stack>
  );
}

type ProfileField = 'fullName' | 'email' | 'phone';

/** The active units (phòng, ban) of the agencies where the account holds a role: where it may work. */
function useUnitOptions(user: StaffAccount) {
  const agencies = [...new Map(user.assignments.map((a) => [a.agencyId, a.agencyName])).entries()];
  const offices = useQueries({
    queries: agencies.map(([id]) => ({
      queryKey: ['agencies', id, 'offices'],
      queryFn: ({ signal }: { signal: AbortSignal }) => client.get('/agencies/{id}/offices', { params: { id }, signal }),
    })),
  });
  return agencies.flatMap(([, name], i) => (offices[i]?.data?.units ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${name})` })));
}

function ProfileForm({ user, readOnly }: { user: StaffAccount; readOnly: boolean }) {
  const { t } = useTranslation();
  const initial = { fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' };
  const [fields, setFields] = useState(initial);
  const [unitId, setUnitId] = useState<string | null>(user.unit?.id ?? null);
  const unitOptions = useUnitOptions(user);
  if (user.unit && !unitOptions.some((o) => o.value === user.unit!.id)) unitOptions.unshift({ value: user.unit.id, label: `${user.unit.name} (${user.unit.agencyName})` });
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const save = useAdminMutation({
    mutationFn: (changes: StaffChanges) => adminApi.updateStaff(user.id, changes),
    invalidate: () => userKeys(user),
    success: () => t('console.admin.users.saved', { username: user.username }),
    failure: t('console.admin.users.saveFailed'),
  });
  const changes: StaffChanges = {};
  if (fields.fullName.trim() !== initial.fullName) changes.fullName = fields.fullName.trim();
  if (fields.email.trim() !== initial.email) changes.email = orNull(fields.email);
  if (fields.phone.trim() !== initial.phone) changes.phone = orNull(fields.phone);
  if (unitId !== (user.unit?.id ?? null)) changes.unitId = unitId;
  const dirty = Object.keys(changes).length > 0;
  const set = (key: ProfileField) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [key]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!fields.fullName.trim()) next.fullName = t('console.admin.required');
    if (fields.email.trim() && !isEmail(fields.email.trim())) next.email = t('console.admin.invalidEmail');
    if (fields.phone.trim() && !isStaffPhone(fields.phone.trim())) next.phone = t('console.admin.invalidPhone');
    setErrors(next);
    if (Object.keys(next).length || !dirty) return;
    save.mutate(changes);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Fieldset variant="unstyled" disabled={readOnly} p={0}>
        <Stack gap="xs">
        <Title order={3} fz="md">{t('console.admin.users.profile')}</Title>
        <TextInput label={t('console.admin.users.fullName')} value={fields.fullName} onChange={set('fullName')} error={errors.fullName} required maxLength={200} />
        <Group gap="sm" grow align="flex-start">
          <TextInput label={t('console.admin.users.email')} value={fields.email} onChange={set('email')} error={errors.email} type="email" maxLength={200} />
          <TextInput label={t('console.admin.users.phone')} value={fields.phone} onChange={set('phone')} error={errors.phone} type="tel" maxLength={20} />
        </Group>
        <Select label={t('console.admin.users.unit')} description={t('console.admin.users.unitHint')} placeholder={t('console.admin.users.noUnit')}
          data={unitOptions} value={unitId} onChange={setUnitId} clearable searchable data-testid="staff-unit" />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" size="xs" disabled={!dirty} loading={save.isPending} leftSection={<IconDeviceFloppy size={14} aria-hidden="true" />}>
              {t('console.admin.save')}
            </Button>
          </Group>
        )}
      </Stack>
      </Fieldset>
    </form>
  );
}

function RolesForm({ user, readOnly, outside }: { user: StaffAccount; readOnly: boolean; outside: StaffAccount['assignments'] }) {
  const { t } = useTranslation();
  const assignable = useAssignableAgencies();
  const mine = user.assignments.filter((a) => assignable.managedIds.has(a.agencyId));
  const initial: RoleDraft[] = mine.length ? mine.map((a) => ({ role: a.role, agencyId: a.agencyId })) : [{ role: null, agencyId: null }];
  const [roles, setRoles] = useState<RoleDraft[]>(initial);
  const [roleErrors, setRoleErrors] = useState<{ rows: Record<number, string>; error?: string | undefined }>({ rows: {} });
  const save = useAdminMutation({
    mutationFn: (assignments: RoleInput[]) => adminApi.replaceRoles(user.id, assignments),
    invalidate: () => userKeys(user),
    success: () => t('console.admin.users.rolesSaved', { username: user.username }),
    failure: t('console.admin.users.rolesFailed'),
  });
  const dirty = JSON.stringify(roles) !== JSON.stringify(initial);
  // Options: the assignable agencies, plus those of the current roles (an ended agency stays listed).
  const known = new Set(assignable.options.map((o) => o.value));
  const options = [
    ...assignable.options,
    ...mine.filter((a) => !known.has(a.agencyId)).map((a) => ({ value: a.agencyId, label: `${a.agencyName} (${a.agencyCode})`, depth: 0 })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkRoles(t, roles);
    setRoleErrors({ rows: checked.rowErrors, error: checked.error });
    if (Object.keys(checked.rowErrors).length || checked.error || !dirty) return;
    save.mutate(checked.roles);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} fz="md">{t('console.admin.users.roles')}</Title>
        {readOnly ? (
          <Stack gap={4}>
            {user.assignments.map((a) => (
              <Text key={`${a.role}@${a.agencyId}`} size="sm">{t(`roles.${a.role}`)} — {a.agencyName}</Text>
            ))}
          </Stack>
        ) : (
          <>
            <Text size="xs" c="gray.7">{t('console.admin.users.rolesHint')}</Text>
            <RolesEditor value={roles} onChange={setRoles} agencies={options} rowErrors={roleErrors.rows} error={roleErrors.error} />
            {outside.length > 0 && (
              <Stack gap={2}>
                <Text size="xs" fw={600} c="gray.7">{t('console.admin.users.outsideRoles')}</Text>
                {outside.map((a) => (
                  <Text key={`${a.role}@${a.agencyId}`} size="xs" c="gray.7">{t(`roles.${a.role}`)} — {a.agencyName}</Text>
                ))}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="xs" disabled={!dirty} loading={save.isPending} leftSection={<IconDeviceFloppy size={14} aria-hidden="true" />}>
                {t('console.admin.users.saveRoles')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}

function PasswordForm({ user }: { user: StaffAccount }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const reset = useAdminMutation({
    mutationFn: (value: string) => adminApi.resetPassword(user.id, value),
    invalidate: () => [],
    success: () => t('console.admin.users.passwordReset', { username: user.username }),
    failure: t('console.admin.users.passwordFailed'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < minPasswordLength) return setError(t('console.admin.users.passwordShort', { min: minPasswordLength }));
    setError(undefined);
    reset.mutate(password);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} fz="md">{t('console.admin.users.resetTitle')}</Title>
        <Text size="xs" c="gray.7">{t('console.admin.users.resetHint')}</Text>
        <PasswordField value={password} onChange={setPassword} error={error} label={t('console.admin.users.newPassword')} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" variant="default" loading={reset.isPending} leftSection={<IconKey size={14} aria-hidden="true" />}>
            {t('console.admin.users.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableSection({ user }: { user: StaffAccount }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const toggle = useAdminMutation({
    mutationFn: (disabled: boolean) => adminApi.updateStaff(user.id, { disabled }),
    invalidate: () => userKeys(user),
    success: (_, disabled) => t(disabled ? 'console.admin.users.disabledDone' : 'console.admin.users.enabledDone', { username: user.username }),
    failure: t('console.admin.users.saveFailed'),
  });
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">{t(user.disabled ? 'console.admin.users.enableTitle' : 'console.admin.users.disableTitle')}</Title>
      <Text size="xs" c="gray.7">{t(user.disabled ? 'console.admin.users.enableHint' : 'console.admin.users.disableHint')}</Text>
      <Group justify="flex-end">
        {user.disabled ? (
          <Button size="xs" color="green" variant="light" leftSection={<IconLockOpen size={14} aria-hidden="true" />} loading={toggle.isPending} onClick={() => toggle.mutate(false)}>
            {t('console.admin.users.enable')}
          </Button>
        ) : (
          <Button size="xs" color="red" variant="outline" leftSection={<IconLock size={14} aria-hidden="true" />} onClick={() => setConfirming(true)}>
            {t('console.admin.users.disable')}
          </Button>
        )}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={650}>{t('console.admin.users.disableConfirmTitle')}</Text>}>
        <Stack gap="sm">
          <Text size="sm">{t('console.admin.users.disableConfirm', { name: user.fullName, username: user.username })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={toggle.isPending}>{t('common.cancel')}</Button>
            <Button color="red" loading={toggle.isPending} onClick={() => toggle.mutate(true, { onSuccess: () => setConfirming(false) })}>
              {t('console.admin.users.disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
