/**
 * After a refused e-ID sign-in the server sends the browser back to the portal with
 * `?dang-nhap=loi&ma=<problem code>`: this says why, in the reader's language, and offers to try
 * again. Closing it removes the parameters.
 */
import { Alert, Anchor, Container } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorCatalogue, type ErrorCode } from '@motcua/domain';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { citizenSignInUrl } from './session.ts';

const isErrorCode = (code: string | null): code is ErrorCode => code !== null && Object.hasOwn(errorCatalogue, code);

export function SignInErrorAlert() {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  if (params.get('dang-nhap') !== 'loi') return null;
  const code = params.get('ma');
  const message = isErrorCode(code) && code.startsWith('citizen_sign_in.') ? localized(errorCatalogue[code], language) : t('citizen.signInFailed.generic');
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('dang-nhap');
    next.delete('ma');
    setParams(next, { replace: true });
  };
  const retry = new URLSearchParams(params);
  retry.delete('dang-nhap');
  retry.delete('ma');
  const here = location.pathname + (retry.size ? `?${retry.toString()}` : '');
  return (
    <Container size="lg" pt="md">
      <Alert
        role="alert"
        color="red"
        variant="light"
        title={t('citizen.signInFailed.title')}
        icon={<IconAlertTriangle aria-hidden="true" />}
        withCloseButton
        closeButtonLabel={t('citizen.signInFailed.close')}
        onClose={close}
      >
        {message}{' '}
        <Anchor href={citizenSignInUrl(here)} fw={600}>{t('citizen.signInFailed.retry')}</Anchor>
      </Alert>
    </Container>
  );
}
