import { EmptyState, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canSee, sectionOf, type SectionKey } from './navigation.ts';
import { useStaff } from './useStaff.ts';

/** "Access denied", for a console address typed in by someone whose roles do not offer it. */
export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <EmptyState
      align="left"
      color="red"
      variant="light"
      icon={<IconLock size={28} aria-hidden="true" />}
      title={t('console.forbidden.title')}
      description={t('console.forbidden.body')}
    />
  );
}

/**
 * Shows a section's page only to the roles the navigation offers it to (the server enforces
 * access on every request anyway); others see the section title and "access denied".
 */
export function SectionGuard({ section, children }: { section: Exclude<SectionKey, 'home'>; children: ReactNode }) {
  const { t } = useTranslation();
  const staff = useStaff();
  if (canSee(sectionOf(section), staff.assignments)) return children;
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} data-testid={`console-${section}`}>{t(`console.nav.${section}`)}</Title>
      <ForbiddenState />
    </Stack>
  );
}
