import { Alert, Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../shared/api.ts';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { BrandMark } from '../shared/ui/BrandMark.tsx';
import { LanguageSwitch } from '../shared/ui/LanguageSwitch.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { useProfile, useSignIn } from './auth/session.ts';
import { safeNextPath } from './navigation.ts';
import classes from './LoginPage.module.css';

type FieldErrors = Partial<Record<'username' | 'password', string>>;

export function LoginPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('console.login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const profile = useProfile();
  const signIn = useSignIn();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // The form shows once we know there is no session; then the cursor goes to the first field.
  const showForm = profile.data === null || profile.isError;
  useEffect(() => {
    if (showForm) usernameRef.current?.focus();
  }, [showForm]);

  if (profile.data) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = t('console.login.required', { field: t('console.login.username').toLowerCase() });
    if (!password) errors.password = t('console.login.required', { field: t('console.login.password').toLowerCase() });
    setFieldErrors(errors);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          if (isApiError(error, 'auth.invalid_credentials')) {
            // Retyping the password is the usual fix; keep the username.
            setPassword('');
            requestAnimationFrame(() => passwordRef.current?.focus());
          } else {
            requestAnimationFrame(() => alertRef.current?.focus());
          }
        },
      },
    );
  }

  const failure = signIn.error
    ? isApiError(signIn.error) ? localized(signIn.error.messages, language) : t('errors.unexpected')
    : undefined;

  return (
    <Box className={classes.page}>
      <a href="#main" className="motcua-skip-link">{t('common.skipToContent')}</a>
      <Group justify="space-between" px="md" py="sm" component="header">
        <Anchor component={Link} to="/" size="sm" c="gray.8">
          <Group gap={6}>
            <IconArrowLeft size={16} aria-hidden="true" />
            {t('console.login.backToPortal')}
          </Group>
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Center component="main" id="main" className={classes.main} px="md">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} className={classes.card}>
          <Stack gap="lg">
            <Group gap="sm" wrap="nowrap">
              <BrandMark size={36} />
              <Stack gap={0}>
                <Text fw={700} c="brand.8" lh={1.25}>Motcua</Text>
                <Text size="xs" c="gray.7">{t('console.productName')}</Text>
              </Stack>
            </Group>
            <Stack gap={4}>
              <Title order={1} fz="h2" data-testid="login-form">{t('console.login.title')}</Title>
              <Text size="sm" c="gray.7">{t('console.login.subtitle')}</Text>
            </Stack>
            {!showForm ? (
              <PageLoader minHeight={160} />
            ) : (
              <form onSubmit={submit} noValidate aria-describedby={failure ? 'login-failure' : undefined}>
                <Stack gap="md">
                  {failure && (
                    <Alert
                      ref={alertRef}
                      id="login-failure"
                      tabIndex={-1}
                      color="red"
                      variant="light"
                      role="alert"
                      title={t('console.login.failedTitle')}
                      icon={<IconAlertCircle size={18} aria-hidden="true" />}
                    >
                      {failure}
                    </Alert>
                  )}
                  <TextInput
                    ref={usernameRef}
                    label={t('console.login.username')}
                    name="username"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    required
                    maxLength={100}
                    value={username}
                    onChange={(event) => setUsername(event.currentTarget.value)}
                    error={fieldErrors.username}
                  />
                  <PasswordInput
                    ref={passwordRef}
                    label={t('console.login.password')}
                    name="password"
                    autoComplete="current-password"
                    visibilityToggleButtonProps={{ 'aria-label': t('console.login.togglePassword') }}
                    required
                    maxLength={200}
                    value={password}
                    onChange={(event) => setPassword(event.currentTarget.value)}
                    error={fieldErrors.password}
                  />
                  <Button type="submit" fullWidth loading={signIn.isPending} aria-busy={signIn.isPending}>
                    {signIn.isPending ? t('console.login.submitting') : t('console.login.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
