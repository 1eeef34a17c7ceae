import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';
import { localized, useLanguage } from '../i18n/index.ts';

/**
 * A refused request, inline where it was made: the server's message in the user's language and,
 * when it names fields, each of them (the items missing from a dossier, a date out of range).
 */
export function ProblemAlert({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const message = isApiError(error) ? localized(error.messages, language) : t('errors.unexpected');
  const issues = isApiError(error) ? error.issues : [];
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} aria-hidden="true" />} role="alert">
      <Text size="sm">{message}</Text>
      {issues.length > 0 && (
        <List size="sm" mt={4} spacing={2}>
          {issues.map((issue, index) => (
            <List.Item key={index}>{issue.message}</List.Item>
          ))}
        </List>
      )}
      {isApiError(error) && error.requestId && (
        <Text size="xs" c="dimmed" mt={4} className="motcua-code">{t('common.requestId', { id: error.requestId })}</Text>
      )}
    </Alert>
  );
}
