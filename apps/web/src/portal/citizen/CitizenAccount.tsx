/**
 * The citizen's place in the portal header: "Đăng nhập VNeID" when nobody is signed in, else their
 * name with a menu (my dossiers, my data store, notification settings, sign out). Signing out ends the Motcua session,
 * then sends the browser to the e-ID provider's logout page, which brings it back to the portal.
 */
import { Button, Group, Menu, Text } from '@mantine/core';
import { IconBell, IconChevronDown, IconFiles, IconFolder, IconId, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { citizenSignInUrl, useCitizen, useCitizenSignOut } from './session.ts';

export function CitizenAccount() {
  const { t } = useTranslation();
  const location = useLocation();
  const citizen = useCitizen();
  const signOut = useCitizenSignOut();

  if (citizen.isPending) return null;
  if (!citizen.data) {
    const here = location.pathname + location.search;
    return (
      <Button component="a" href={citizenSignInUrl(here)} size="xs" color="red.8" leftSection={<IconId size={16} aria-hidden="true" />} title={t('citizen.signInHint')}>
        {t('citizen.signIn')}
      </Button>
    );
  }
  const profile = citizen.data;
  const name = profile.kind === 'business' && profile.organizationName ? profile.organizationName : profile.fullName;
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: (answer) => window.location.assign(answer?.endSessionUrl ?? '/'),
    });
  return (
    <Group gap="xs" wrap="nowrap">
      {signOut.isError && <Text size="sm" c="red.9" role="alert">{t('citizen.signOutFailed')}</Text>}
      {/* No initial-focus placeholder: a focusable role="presentation" element inside role="menu" is a
          critical axe finding; focus goes to the first item instead. */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="light" size="xs" rightSection={<IconChevronDown size={14} aria-hidden="true" />} aria-label={t('citizen.accountMenu', { name })}>
            <Text span size="sm" fw={600} maw={200} truncate>{name}</Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('citizen.level', { level: profile.eidLevel })}</Menu.Label>
          <Menu.Item component={Link} to="/ho-so-cua-toi" leftSection={<IconFiles size={16} aria-hidden="true" />}>{t('citizen.myDossiers')}</Menu.Item>
          <Menu.Item component={Link} to="/kho-du-lieu" leftSection={<IconFolder size={16} aria-hidden="true" />}>{t('citizen.myDataStore')}</Menu.Item>
          <Menu.Item component={Link} to="/tai-khoan/thong-bao" leftSection={<IconBell size={16} aria-hidden="true" />}>{t('notifications.preferences.link')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={onSignOut} disabled={signOut.isPending} leftSection={<IconLogout size={16} aria-hidden="true" />}>{t('citizen.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
