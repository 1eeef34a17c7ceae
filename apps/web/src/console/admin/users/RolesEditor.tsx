import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { staffRoles, type StaffRole } from '@motcua/domain';
import { useTranslation } from 'react-i18next';
import type { RoleInput } from '../admin.api.ts';

export interface AgencyOption {
  value: string;
  label: string;
  depth: number;
}

/** A role being edited: both may still be empty. */
export interface RoleDraft {
  role: StaffRole | null;
  agencyId: string | null;
}

interface Props {
  value: RoleDraft[];
  onChange: (value: RoleDraft[]) => void;
  agencies: AgencyOption[];
  error?: string | undefined;
  /** Row-level errors, by index. */
  rowErrors?: Record<number, string>;
}

/** Role assignments, one line each: a role (officer … admin) at an agency, which reaches its subtree. */
export function RolesEditor({ value, onChange, agencies, error, rowErrors = {} }: Props) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<RoleDraft>) => onChange(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const depthOf = new Map(agencies.map((a) => [a.value, a.depth]));

  return (
    <Stack gap={6}>
      {value.map((row, index) => (
        <Group key={index} gap={6} wrap="nowrap" align="flex-start">
          <Select
            aria-label={t('console.admin.users.roleN', { n: index + 1 })}
            placeholder={t('console.admin.users.role')}
            data={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={row.role}
            onChange={(role) => set(index, { role: role as StaffRole | null })}
            w={180}
            size="xs"
            error={Boolean(rowErrors[index]) && !row.role}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Select
              aria-label={t('console.admin.users.agencyN', { n: index + 1 })}
              placeholder={t('console.admin.users.agency')}
              data={agencies.map(({ value: v, label }) => ({ value: v, label }))}
              value={row.agencyId}
              onChange={(agencyId) => set(index, { agencyId })}
              searchable
              size="xs"
              error={Boolean(rowErrors[index])}
              nothingFoundMessage={t('console.admin.nothingFound')}
              maxDropdownHeight={280}
              comboboxProps={{ withinPortal: true }}
              renderOption={({ option }) => (
                <Text size="xs" style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 12 }}>{option.label}</Text>
              )}
            />
            {rowErrors[index] && <Text size="xs" c="red.8">{rowErrors[index]}</Text>}
          </Stack>
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={2}
            aria-label={t('console.admin.users.removeRole', { n: index + 1 })}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
            disabled={value.length <= 1}
          >
            <IconTrash size={15} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      {error && <Text size="xs" c="red.8" role="alert">{error}</Text>}
      {value.length < 50 && (
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...value, { role: null, agencyId: null }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('console.admin.users.addRole')}
        </Button>
      )}
    </Stack>
  );
}

/**
 * The complete roles of a draft, or the problem: a line half filled, no line, the same role twice
 * at one agency. Returns row errors by index and a general error.
 */
export function checkRoles(t: (key: 'console.admin.users.roleIncomplete' | 'console.admin.users.roleDuplicate' | 'console.admin.users.roleRequired') => string, drafts: RoleDraft[]):
  { roles: RoleInput[]; rowErrors: Record<number, string>; error?: string } {
  const rowErrors: Record<number, string> = {};
  const roles: RoleInput[] = [];
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    if (!draft.role && !draft.agencyId) return;
    if (!draft.role || !draft.agencyId) {
      rowErrors[index] = t('console.admin.users.roleIncomplete');
      return;
    }
    const key = `${draft.role}@${draft.agencyId}`;
    if (seen.has(key)) rowErrors[index] = t('console.admin.users.roleDuplicate');
    seen.add(key);
    roles.push({ role: draft.role, agencyId: draft.agencyId });
  });
  return { roles, rowErrors, ...(roles.length === 0 && Object.keys(rowErrors).length === 0 ? { error: t('console.admin.users.roleRequired') } : {}) };
}
