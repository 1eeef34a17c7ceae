import { Anchor, Badge, Button, Container, Group, Stack, Text } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { site } from '../shared/site.ts';
import { BrandMark } from '../shared/ui/BrandMark.tsx';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { useFocusMainOnNavigation } from '../shared/ui/page.ts';
import { CitizenAccount } from './citizen/CitizenAccount.tsx';
import { SignInErrorAlert } from './citizen/SignInErrorAlert.tsx';
import classes from './PortalLayout.module.css';

/**
 * The citizen portal frame: header with the province, navigation, language, the citizen's e-ID
 * sign-in (or account menu) and staff sign-in.
 */
export function PortalLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);
  return (
    <div className={classes.page}>
      <a href="#main" className="motcua-skip-link">{t('common.skipToContent')}</a>
      <header className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Anchor component={Link} to="/" underline="never" c="inherit" className={classes.brand}>
              <Group gap="sm" wrap="nowrap">
                <BrandMark size={40} />
                <Stack gap={0}>
                  <Text fw={700} fz="lg" c="brand.8" lh={1.3}>{t('portal.title')}</Text>
                  <Group gap={6}>
                    <Text size="sm" c="gray.7">{site.provinceName}</Text>
                    {site.demo && <Badge size="xs" color="gold" variant="light" c="gold.9">{t('portal.demoData')}</Badge>}
                  </Group>
                </Stack>
              </Group>
            </Anchor>
            <Group gap="md" wrap="wrap">
              <nav aria-label={t('portal.mainNav')}>
                <Group gap="md" component="ul" className={classes.navList}>
                  <li><NavLink to="/thu-tuc" className={classes.navLink}>{t('portal.nav.procedures')}</NavLink></li>
                  <li><NavLink to="/tra-cuu" className={classes.navLink}>{t('portal.nav.lookup')}</NavLink></li>
                  <li><NavLink to="/phan-anh" className={classes.navLink}>{t('feedback.nav')}</NavLink></li>
                  <li><NavLink to="/ho-so-cua-toi" className={classes.navLink}>{t('myDossiers.nav')}</NavLink></li>
                </Group>
              </nav>
              <LanguageSwitch />
              <CitizenAccount />
              {/* On a phone the staff sign-in is in the footer: the header keeps to what citizens use. */}
              <Button
                component={Link}
                to="/console/dang-nhap"
                visibleFrom="sm"
                variant="default"
                size="xs"
                leftSection={<IconLogin2 size={16} aria-hidden="true" />}
              >
                {t('portal.staffSignIn')}
              </Button>
            </Group>
          </Group>
        </Container>
      </header>
      <main id="main" ref={main} tabIndex={-1} className={classes.main}>
        <SignInErrorAlert />
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className={classes.footer}>
        <Container size="lg" py="md">
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('portal.footer.system')} · {site.provinceName}</Text>
            <Text size="sm" c="gray.7">{t('portal.footer.hours')}</Text>
            <Anchor component={Link} to="/console/dang-nhap" size="sm" c="gray.8" hiddenFrom="sm" style={{ alignSelf: 'flex-start' }}>{t('portal.staffSignIn')}</Anchor>
          </Stack>
        </Container>
      </footer>
    </div>
  );
}
