import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../shared/ui/page.ts';
import { visibleSections } from './navigation.ts';
import { useStaff } from './useStaff.ts';

/**
 * The workspace ("Bàn làm việc"). Its summary figures arrive with the inbox, intake and reports
 * features; until then it says so plainly instead of showing made-up numbers.
 */
export function ConsoleHome() {
  const { t } = useTranslation();
  usePageTitle(t('console.home.title'));
  const staff = useStaff();
  const sections = visibleSections(staff.assignments).filter((section) => section.key !== 'home');

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-home">{t('console.home.title')}</Title>
        <Text c="gray.7">{t('console.home.greeting', { name: staff.user.fullName })}</Text>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="summary-title">
        <Title order={2} id="summary-title" fz="h3">{t('console.home.summaryTitle')}</Title>
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
          <Text size="sm">{t('console.home.summaryNotice')}</Text>
        </Alert>
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
                    <Text size="sm" c="gray.7">{t(`console.home.cards.${section.key as 'inbox'}`)}</Text>
                    <Text size="xs" c="gray.6" fs="italic">{t('common.comingLater')}</Text>
                  </Stack>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>

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
