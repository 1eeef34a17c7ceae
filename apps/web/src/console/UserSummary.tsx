import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rolesByAgency, type AgencyRoles } from './assignments.ts';
import type { StaffProfile } from './auth/session.ts';

/**
 * Who is signed in: the name, then role(s) and agency. In the header (wide screens) further
 * agencies hide behind "+N"; in the mobile navigation (`compact`) every agency is listed.
 */
export function UserSummary({ profile, compact = false }: { profile: StaffProfile; compact?: boolean }) {
  const { t } = useTranslation();
  const groups = rolesByAgency(profile.assignments);
  const describe = (group: AgencyRoles) => `${group.roles.map((role) => t(`roles.${role}`)).join(', ')} · ${group.agencyName}`;

  if (compact) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={650}>{profile.user.fullName}</Text>
        {groups.map((group) => (
          <Text key={group.agencyCode} size="xs" c="gray.7">{describe(group)}</Text>
        ))}
      </Stack>
    );
  }

  const [first, ...others] = groups;
  return (
    <Stack gap={0} align="flex-end" visibleFrom="sm" maw={440} miw={0}>
      <Text size="sm" fw={650} lh={1.3} truncate="end" maw="100%">{profile.user.fullName}</Text>
      {first && (
        <Group gap={6} wrap="nowrap" maw="100%">
          <Text size="xs" c="gray.7" lh={1.3} truncate="end">{describe(first)}</Text>
          {others.length > 0 && (
            <Tooltip multiline w={340} label={groups.map(describe).join('\n')} style={{ whiteSpace: 'pre-line' }}>
              <Badge component="span" size="xs" variant="default" tabIndex={0} style={{ flex: 'none' }}>
                +{others.length}
              </Badge>
            </Tooltip>
          )}
        </Group>
      )}
    </Stack>
  );
}
