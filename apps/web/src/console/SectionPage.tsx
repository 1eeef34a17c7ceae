import { EmptyState, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shared/ui/page.ts';
import { sectionOf, type SectionKey } from './navigation.ts';
import { SectionGuard } from './SectionGuard.tsx';

/**
 * A console section whose feature is not built yet (reports, administration). It checks the same
 * role table as the navigation, so a typed-in address shows "access denied" rather than an
 * empty page.
 */
export function SectionPage({ section }: { section: Exclude<SectionKey, 'home'> }) {
  const { t } = useTranslation();
  const title = t(`console.nav.${section}`);
  usePageTitle(title);
  const Icon = sectionOf(section).icon;

  return (
    <SectionGuard section={section}>
      <Stack gap="lg" maw={1200}>
        <Title order={1} data-testid={`console-${section}`}>{title}</Title>
        <EmptyState
          align="left"
          icon={<Icon size={28} stroke={1.6} aria-hidden="true" />}
          withIndicatorBackground
          title={t('common.comingLater')}
          description={t('console.placeholder.body')}
        />
      </Stack>
    </SectionGuard>
  );
}
