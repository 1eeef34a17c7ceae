import { Alert, Badge, Grid, NavLink, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { ChannelLabel } from '../notifications/NotificationBadges.tsx';
import { useTemplates, type TemplateEntry } from '../notifications/notifications.api.ts';
import { TemplateEditor } from './TemplateEditor.tsx';

export function TemplatesPage() {
  return (
    <SectionGuard section="templates">
      <Templates />
    </SectionGuard>
  );
}

const keyOf = (t: Pick<TemplateEntry, 'kind' | 'channel'>) => `${t.kind}.${t.channel}`;

/** `/console/mau-thong-bao`: every template by kind and channel; the chosen one in the editor. */
function Templates() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.templates.title'));
  const templates = useTemplates();
  const [params, setParams] = useSearchParams();
  const items = templates.data?.items ?? [];
  const chosen = items.find((i) => keyOf(i) === params.get('mau')) ?? items[0];
  const choose = (key: string | null) => key && setParams({ mau: key }, { replace: true });
  const label = (i: TemplateEntry) => `${t(`notifications.kind.${i.kind}`)} · ${t(`notifications.channel.${i.channel}`)}`;

  return (
    <Stack gap="md" maw={1500}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-templates">{t('notifications.templates.title')}</Title>
        <Text size="sm" c="gray.7">{t('notifications.templates.subtitle')}</Text>
      </Stack>
      {templates.isPending ? <PageLoader /> : templates.isError ? (
        <ErrorState title={t('notifications.templates.title')} error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <>
          {!templates.data.editable && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('notifications.templates.readOnly')}</Alert>
          )}
          <Select hiddenFrom="md" label={t('notifications.templates.list')} value={chosen ? keyOf(chosen) : null} onChange={choose} searchable
            data={(['applicant', 'staff'] as const).map((recipient) => ({
              group: t(recipient === 'applicant' ? 'notifications.templates.forApplicant' : 'notifications.templates.forStaff'),
              items: items.filter((i) => i.recipient === recipient).map((i) => ({ value: keyOf(i), label: label(i) + (i.custom ? ` (${t('notifications.templates.custom')})` : '') })),
            }))} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4, xl: 3 }} visibleFrom="md">
              <Paper withBorder component="nav" aria-label={t('notifications.templates.list')}>
                <div style={{ maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' }}>
                  {(['applicant', 'staff'] as const).map((recipient) => (
                    <div key={recipient}>
                      <Text size="xs" fw={700} tt="uppercase" c="gray.7" px="sm" pt="sm" pb={4}>
                        {t(recipient === 'applicant' ? 'notifications.templates.forApplicant' : 'notifications.templates.forStaff')}
                      </Text>
                      {items.filter((i) => i.recipient === recipient).map((i) => (
                        <NavLink component="button" type="button" key={keyOf(i)} active={chosen !== undefined && keyOf(i) === keyOf(chosen)} onClick={() => choose(keyOf(i))}
                          label={t(`notifications.kind.${i.kind}`)} description={<ChannelLabel channel={i.channel} />}
                          rightSection={i.custom ? <Badge size="xs" variant="light" color="grape">{t('notifications.templates.custom')}</Badge> : null}
                          aria-current={chosen !== undefined && keyOf(i) === keyOf(chosen) ? 'page' : undefined} />
                      ))}
                    </div>
                  ))}
                </div>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
              {chosen ? <TemplateEditor key={keyOf(chosen) + (chosen.custom?.updatedAt ?? '')} entry={chosen} editable={templates.data.editable} /> : (
                <Text c="gray.7">{t('notifications.templates.pick')}</Text>
              )}
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
