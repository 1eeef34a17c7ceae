import { Box, Card, Container, Grid, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBabyBottle, IconBuildingCommunity, IconBuildingStore, IconCertificate, IconChevronRight, IconHeartHandshake, IconHistory, IconHome,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { site } from '../shared/site.ts';
import { usePageTitle } from '../shared/ui/page.ts';
import { DossierLookupForm } from './DossierLookupForm.tsx';
import { ProcedureSearchForm } from './ProcedureSearchForm.tsx';
import { procedureChangesPath, proceduresPath } from './paths.ts';
import classes from './PortalHome.module.css';

const commonTasks: Array<{ key: 'birth' | 'marriage' | 'certify' | 'residence' | 'business' | 'building'; icon: Icon }> = [
  { key: 'birth', icon: IconBabyBottle },
  { key: 'marriage', icon: IconHeartHandshake },
  { key: 'certify', icon: IconCertificate },
  { key: 'residence', icon: IconHome },
  { key: 'business', icon: IconBuildingStore },
  { key: 'building', icon: IconBuildingCommunity },
];

export function PortalHome() {
  const { t } = useTranslation();
  usePageTitle(t('portal.nav.home'));
  return (
    <>
      <Box className={classes.hero}>
        <Container size="lg" py="xl">
          <Stack gap={6} mb="lg">
            <Title order={1} data-testid="portal-home">{t('portal.home.title')}</Title>
            <Text c="gray.7" maw={720}>{t('portal.home.subtitle', { province: site.provinceName })}</Text>
          </Stack>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" shadow="xs">
                <ProcedureSearchForm label={t('portal.home.searchLabel')} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Paper withBorder p={{ base: 'md', sm: 'lg' }} h="100%" shadow="xs">
                <DossierLookupForm label={t('portal.home.lookupLabel')} />
              </Paper>
            </Grid.Col>
          </Grid>
        </Container>
      </Box>
      <Container size="lg" py="xl">
        <Title order={2} mb="md">{t('portal.home.commonTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="ul" className={classes.tasks}>
          {commonTasks.map(({ key, icon: TaskIcon }) => (
            <li key={key}>
              <Card component={Link} to={proceduresPath(t(`portal.home.tasks.${key}.query`))} className={classes.task} padding="md">
                <div className={classes.taskRow}>
                  <ThemeIcon variant="light" color="brand" size={40} radius="md">
                    <TaskIcon size={22} stroke={1.6} aria-hidden="true" />
                  </ThemeIcon>
                  <Stack gap={2} flex={1}>
                    <Text fw={650}>{t(`portal.home.tasks.${key}.title`)}</Text>
                    <Text size="sm" c="gray.7">{t(`portal.home.tasks.${key}.body`)}</Text>
                  </Stack>
                  <IconChevronRight size={18} aria-hidden="true" className={classes.chevron} />
                </div>
              </Card>
            </li>
          ))}
        </SimpleGrid>
        <Card component={Link} to={procedureChangesPath()} className={classes.task} padding="md" mt="md">
          <div className={classes.taskRow}>
            <ThemeIcon variant="light" color="gold" size={40} radius="md">
              <IconHistory size={22} stroke={1.6} aria-hidden="true" />
            </ThemeIcon>
            <Stack gap={2} flex={1}>
              <Text fw={650}>{t('portal.home.changes.title')}</Text>
              <Text size="sm" c="gray.7">{t('portal.home.changes.body')}</Text>
            </Stack>
            <IconChevronRight size={18} aria-hidden="true" className={classes.chevron} />
          </div>
        </Card>
      </Container>
    </>
  );
}
