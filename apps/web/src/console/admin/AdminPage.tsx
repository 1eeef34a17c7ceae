import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBuildingCommunity, IconCalendarEvent, IconChartDots3, IconHistory, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { AgenciesTab } from './agencies/AgenciesTab.tsx';
import { AuditTab } from './audit/AuditTab.tsx';
import { HolidaysTab } from './holidays/HolidaysTab.tsx';
import { IndexWeightsTab } from './index-weights/IndexWeightsTab.tsx';
import { adminTabs, tabOf, type AdminTab } from './adminQuery.ts';
import { UsersTab } from './users/UsersTab.tsx';

export function AdminPage() {
  return (
    <SectionGuard section="admin">
      <Admin />
    </SectionGuard>
  );
}

const icons = { 'co-quan': IconBuildingCommunity, 'lich-nghi': IconCalendarEvent, 'tai-khoan': IconUsers, 'nhat-ky': IconHistory, 'chi-so': IconChartDots3 } as const;
const labels = { 'co-quan': 'agencies', 'lich-nghi': 'holidays', 'tai-khoan': 'users', 'nhat-ky': 'audit', 'chi-so': 'indexWeights' } as const;

/**
 * `/console/quan-tri?tab=…`: the administrator's workbench. The tab is in the address (`co-quan`,
 * `lich-nghi`, `tai-khoan`, `nhat-ky`, `chi-so`), and so is what each tab has selected, so any screen can be
 * linked; each tab keeps only its own parameters when another is chosen.
 */
function Admin() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params);
  usePageTitle(`${t(`console.admin.tabs.${labels[tab]}`)} · ${t('console.nav.admin')}`);

  return (
    <Stack gap="sm" maw={1600}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-admin">{t('console.admin.title')}</Title>
        <Text size="sm" c="gray.7">{t('console.admin.intro')}</Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(next) => next && setParams({ tab: next })}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={t('console.admin.tabsLabel')}>
          {adminTabs.map((key: AdminTab) => {
            const Icon = icons[key];
            return (
              <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} stroke={1.7} aria-hidden="true" />}>
                {t(`console.admin.tabs.${labels[key]}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="co-quan" pt="md"><AgenciesTab /></Tabs.Panel>
        <Tabs.Panel value="lich-nghi" pt="md"><HolidaysTab /></Tabs.Panel>
        <Tabs.Panel value="tai-khoan" pt="md"><UsersTab /></Tabs.Panel>
        <Tabs.Panel value="nhat-ky" pt="md"><AuditTab /></Tabs.Panel>
        <Tabs.Panel value="chi-so" pt="md"><IndexWeightsTab /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
