import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { localized, useLanguage } from '../i18n/index.ts';

/** A failed request, said in the user's language, with the request ID support needs. */
export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = isApiError(error) ? localized(error.messages, language) : t('errors.unexpected');
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={20} aria-hidden="true" />} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {requestId && (
          <Text size="xs" c="dimmed" className="motcua-code">
            {t('common.requestId', { id: requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden="true" />} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
