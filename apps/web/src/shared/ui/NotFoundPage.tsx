import { Button, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './page.ts';

/** 404, inside whichever layout the address fell under (portal or console). */
export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Stack gap="md" py="xl" maw={560}>
      <Text size="sm" c="dimmed" className="motcua-figures">404</Text>
      <Title order={1} data-testid="not-found">{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <div>
        <Button component={Link} to={homePath} variant="default" leftSection={<IconArrowLeft size={16} aria-hidden="true" />}>
          {t('common.backHome')}
        </Button>
      </div>
    </Stack>
  );
}
