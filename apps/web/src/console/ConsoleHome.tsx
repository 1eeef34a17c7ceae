import { Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconInbox, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayTimeZone, formatNumber } from '../shared/format.ts';
import { formatWorkingDuration } from '../shared/timeLeft.ts';
import { usePageTitle } from '../shared/ui/page.ts';
import { fetchDossiers } from './dossiers/dossiers.api.ts';
import { DigitalShareCard } from './documents/DigitalShareCard.tsx';
import { RatingAlertsCard } from './ratings/RatingAlertsCard.tsx';
import { canSee, sectionOf, visibleSections } from './navigation.ts';
import { useStaff } from './useStaff.ts';

/** The workspace ("Bàn làm việc"): what waits for the user, what is late, what is due soon. */
export function ConsoleHome() {
  const { t } = useTranslation();
  usePageTitle(t('console.home.title'));
  const staff = useStaff();
  const handlesDossiers = canSee(sectionOf('inbox'), staff.assignments);
  const sections = visibleSections(staff.assignments).filter((section) => section.key !== 'home' && section.key !== 'inbox');

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-home">{t('console.home.title')}</Title>
        <Text c="gray.7">{t('console.home.greeting', { name: staff.user.fullName })}</Text>
      </Stack>

      {handlesDossiers && <InboxCounts receives={staff.assignments.some((a) => a.role === 'officer')} />}

      {(canSee(sectionOf('documents'), staff.assignments) || canSee(sectionOf('ratings'), staff.assignments)) && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {canSee(sectionOf('documents'), staff.assignments) && <DigitalShareCard year={vietnamYear()} />}
          {canSee(sectionOf('ratings'), staff.assignments) && <RatingAlertsCard />}
        </SimpleGrid>
      )}

      {sections.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {sections.map((section) => (
            <Card key={section.key} component={Link} to={section.path} padding="md" style={{ color: 'inherit', textDecoration: 'none' }}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" color="gray" size={36} radius="md">
                  <section.icon size={20} stroke={1.7} aria-hidden="true" />
                </ThemeIcon>
                <Stack gap={2}>
                  <Text fw={650}>{t(`console.nav.${section.key}`)}</Text>
                  <Text size="sm" c="gray.7">{t(`console.home.cards.${section.key as 'intake'}`)}</Text>
                </Stack>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}

      <Stack gap="sm" component="section" aria-labelledby="assignments-title">
        <Title order={2} id="assignments-title" fz="h3">{t('console.home.assignmentsTitle')}</Title>
        {staff.assignments.length === 0 ? (
          <Text size="sm" c="gray.7">{t('console.home.noAssignments')}</Text>
        ) : (
          <Card padding={0}>
            <Table.ScrollContainer minWidth={520}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('console.home.role')}</Table.Th>
                    <Table.Th>{t('console.home.agency')}</Table.Th>
                    <Table.Th>{t('console.home.agencyCode')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {staff.assignments.map((assignment) => (
                    <Table.Tr key={`${assignment.role}:${assignment.agencyId}`}>
                      <Table.Td>{t(`roles.${assignment.role}`)}</Table.Td>
                      <Table.Td>{assignment.agencyName}</Table.Td>
                      <Table.Td className="motcua-code">{assignment.agencyCode}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Stack>
    </Stack>
  );
}

interface CountCardProps {
  name: 'inbox' | 'waiting' | 'overdue' | 'soon';
  due?: 'overdue' | 'soon';
  status?: 'submitted';
  icon: typeof IconInbox;
  color: string;
  href: string;
}

const countCards: CountCardProps[] = [
  { name: 'inbox', icon: IconInbox, color: 'blue', href: '/console/ho-so' },
  // Online dossiers waiting to be received: the officer's first task of the day (they lead the inbox).
  { name: 'waiting', status: 'submitted', icon: IconWorld, color: 'grape', href: '/console/ho-so?status=submitted' },
  { name: 'overdue', due: 'overdue', icon: IconAlertTriangle, color: 'red', href: '/console/ho-so?due=overdue' },
  { name: 'soon', due: 'soon', icon: IconAlarm, color: 'yellow', href: '/console/ho-so?due=soon' },
];

/**
 * Figures from the inbox itself (`total` of a one-row page), each a link to the filtered list;
 * the dossiers waiting to be received only for those who receive them (officers).
 */
function InboxCounts({ receives }: { receives: boolean }) {
  const { t } = useTranslation();
  const cards = countCards.filter((card) => receives || card.name !== 'waiting');
  return (
    <Stack gap="sm" component="section" aria-labelledby="counts-title">
      <Title order={2} id="counts-title" fz="h3">{t('console.home.countsTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: cards.length }} spacing="sm">
        {cards.map((card) => <CountCard key={card.name} {...card} />)}
      </SimpleGrid>
    </Stack>
  );
}

function CountCard({ name, due, status, icon: Icon, color, href }: CountCardProps) {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: ['dossiers', 'list', { view: 'inbox', due, status, limit: 1, offset: 0, count: true }],
    queryFn: ({ signal }) => fetchDossiers({ view: 'inbox', ...(due ? { due } : {}), ...(status ? { status: [status] } : {}), limit: 1, offset: 0 }, signal),
    refetchInterval: 60_000,
  });
  const total = count.data?.total;
  const alarming = name !== 'inbox' && (total ?? 0) > 0;
  // The inbox puts the longest waiting first: its first row says how long the oldest has waited.
  const longest = name === 'waiting' ? count.data?.items[0]?.waitingWorkingMinutes ?? null : null;
  return (
    <Card component={Link} to={href} padding="md" style={{ color: 'inherit', textDecoration: 'none' }} data-count={name}>
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant={alarming ? 'filled' : 'light'} color={color} size={44} radius="md">
          <Icon size={24} stroke={1.7} aria-hidden="true" />
        </ThemeIcon>
        <Stack gap={0}>
          <Text fz={30} fw={700} lh={1.1} className="motcua-figures" c={alarming && name === 'overdue' ? 'red.8' : undefined}>
            {count.isError ? '—' : total === undefined ? '…' : formatNumber(total)}
          </Text>
          <Text size="sm" fw={600}>{t(`console.home.counts.${name}`)}</Text>
          <Text size="xs" c="gray.7">{t(`console.home.counts.${name}Hint`)}</Text>
          {longest !== null && longest > 0 && (
            <Text size="xs" c="grape.9" fw={600} data-testid="waiting-longest">
              {t('console.home.counts.waitingLongest', { duration: formatWorkingDuration(t, longest, true) })}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** This year in Vietnam, whatever the browser's time zone. */
function vietnamYear(): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: displayTimeZone, year: 'numeric' }).format(new Date()));
}
