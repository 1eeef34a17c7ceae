import { AppShell, Burger, Button, Center, Group, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import '@mantine/notifications/styles.css';
import { Notifications, notifications } from '@mantine/notifications';
import { IconExternalLink, IconLogout } from '@tabler/icons-react';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { BrandMark } from '../shared/ui/BrandMark.tsx';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { useFocusMainOnNavigation } from '../shared/ui/page.ts';
import { useProfile, useSignOut, type StaffProfile } from './auth/session.ts';
import { visibleSections } from './navigation.ts';
import { UserSummary } from './UserSummary.tsx';
import classes from './ConsoleLayout.module.css';

/**
 * The staff console frame. Every /console page needs a session: without one the user goes to the
 * sign-in page, which brings them back here afterwards (`?next=`).
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const profile = useProfile();

  if (profile.isPending) {
    return (
      <Center mih="100vh" role="status">
        <Stack align="center" gap="xs">
          <PageLoader minHeight={0} />
          <Text size="sm" c="gray.7">{t('console.shell.checkingSession')}</Text>
        </Stack>
      </Center>
    );
  }
  if (profile.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorState title={t('console.shell.sessionCheckFailed')} error={profile.error} onRetry={() => void profile.refetch()} />
      </Center>
    );
  }
  if (!profile.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/console/dang-nhap?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Shell profile={profile.data} />;
}

function Shell({ profile }: { profile: StaffProfile }) {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const signOut = useSignOut();
  useFocusMainOnNavigation(main);

  function handleSignOut() {
    signOut.mutate(undefined, {
      onSuccess: () => void navigate('/console/dang-nhap', { replace: true }),
      onError: () => notifications.show({ color: 'red', message: t('console.shell.signOutFailed') }),
    });
  }

  const sections = visibleSections(profile.assignments);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
      className={classes.shell}
    >
      <a href="#main" className="motcua-skip-link">{t('common.skipToContent')}</a>
      {/* Only the console raises notifications; the portal does not load them. */}
      <Notifications position="top-right" limit={3} />
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('console.shell.openNav')} />
            <Link to="/console" className={classes.brand}>
              <BrandMark size={28} />
              <Text fw={700} c="brand.8" visibleFrom="xs">Motcua</Text>
              {/* On a phone only the mark shows: the link still needs a name. */}
              <VisuallyHidden hiddenFrom="xs">Motcua</VisuallyHidden>
              <Text size="sm" c="gray.7" visibleFrom="md" className={classes.product}>{t('console.productName')}</Text>
            </Link>
          </Group>
          <Group gap="md" wrap="nowrap">
            <UserSummary profile={profile} />
            <LanguageSwitch />
            <Button
              variant="default"
              size="xs"
              onClick={handleSignOut}
              loading={signOut.isPending}
              leftSection={<IconLogout size={16} aria-hidden="true" />}
            >
              {t('console.shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('console.shell.navLabel')}>
        <AppShell.Section hiddenFrom="sm" className={classes.navUser}>
          <UserSummary profile={profile} compact />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {sections.map((section) => {
              const active = section.path === '/console'
                ? location.pathname === '/console'
                : location.pathname === section.path || location.pathname.startsWith(`${section.path}/`);
              return (
                <NavLink
                  key={section.key}
                  component={Link}
                  to={section.path}
                  onClick={nav.close}
                  label={t(`console.nav.${section.key}`)}
                  leftSection={<section.icon size={18} stroke={1.7} aria-hidden="true" />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  className={classes.navLink}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section className={classes.navFooter}>
          <NavLink
            component={Link}
            to="/"
            label={t('console.shell.portalLink')}
            leftSection={<IconExternalLink size={16} aria-hidden="true" />}
            className={classes.navLink}
            c="gray.7"
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet context={profile satisfies StaffProfile} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
