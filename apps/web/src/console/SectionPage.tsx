import { EmptyState, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shared/ui/page.ts';
import { canSee, sectionOf, type SectionKey } from './navigation.ts';
import { useStaff } from './useStaff.ts';

/**
 * A console section whose feature is not built yet (inbox, intake, reports, administration).
 * It checks the same role table as the navigation, so a typed-in address shows "access denied"
 * rather than an empty page.
 */
export function SectionPage({ section }: { section: Exclude<SectionKey, 'home'> }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const title = t(`console.nav.${section}`);
  usePageTitle(title);
  const allowed = canSee(sectionOf(section), staff.assignments);
  const Icon = sectionOf(section).icon;

  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} data-testid={`console-${section}`}>{title}</Title>
      {allowed ? (
        <EmptyState
          align="left"
          icon={<Icon size={28} stroke={1.6} aria-hidden="true" />}
          withIndicatorBackground
          title={t('common.comingLater')}
          description={t('console.placeholder.body')}
        />
      ) : (
        <EmptyState
          align="left"
          color="red"
          variant="light"
          icon={<IconLock size={28} aria-hidden="true" />}
          title={t('console.forbidden.title')}
          description={t('console.forbidden.body')}
        />
      )}
    </Stack>
  );
}

