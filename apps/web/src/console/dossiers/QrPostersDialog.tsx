import { Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconQrcode, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { processingTimeLabel, useProcedureSearch } from '../../shared/catalogue.ts';
import { formatNumber } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { counterPosterUrl, procedurePosterUrl } from './qrPosters.api.ts';
import { CounterFields, useCounterChoice } from './CounterChoice.tsx';
import type { BookAgency } from './trackingBook.api.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The agencies whose counters the user may print posters for (at least one). */
  agencies: readonly BookAgency[];
}

/** The desk's QR posters: choose the counter, then open the counter's poster or a procedure's as PDF (a new tab, to print). */
export function QrPostersDialog({ opened, onClose, agencies }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('console.inbox.qrPosters.title')}</Text>} size="xl"
      closeButtonProps={{ 'aria-label': t('console.inbox.qrPosters.close') }}>
      <QrPosters agencies={agencies} />
    </Modal>
  );
}

function QrPosters({ agencies }: Pick<Props, 'agencies'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const choice = useCounterChoice(agencies, { openOnly: true });
  const { agency, counterId } = choice;
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const procedures = useProcedureSearch({ ...(query ? { q: query } : {}), agency: agency?.code, limit: 100 }, Boolean(agency));
  const items = procedures.data?.items ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">{t('console.inbox.qrPosters.intro')}</Text>
      <Group grow align="flex-start" gap="sm">
        <CounterFields
          choice={choice}
          texts={{
            agency: t('console.inbox.qrPosters.agency'),
            counter: t('console.inbox.qrPosters.counter'),
            counterPlaceholder: t('console.inbox.qrPosters.counterPlaceholder'),
            countersFailed: t('console.inbox.qrPosters.countersFailed'),
            noCounters: t('console.inbox.qrPosters.noCounters'),
          }}
        />
      </Group>

      <Paper withBorder p="sm" bg="gray.0">
        <Group justify="space-between" gap="sm">
          <Stack gap={2} maw={520}>
            <Text fw={650}>{t('console.inbox.qrPosters.counterPoster')}</Text>
            <Text size="sm" c="gray.7">{t('console.inbox.qrPosters.counterPosterHint')}</Text>
          </Stack>
          <PrintButton href={counterId ? counterPosterUrl(counterId) : undefined} testId="qr-poster-counter" />
        </Group>
      </Paper>

      <Stack gap="xs" component="section" aria-labelledby="qr-posters-procedures">
        <Text fw={650} id="qr-posters-procedures">{t('console.inbox.qrPosters.procedures')}</Text>
        <TextInput
          label={t('console.inbox.qrPosters.search')}
          placeholder={t('console.inbox.qrPosters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {procedures.isError ? (
          <ErrorState title={t('console.inbox.qrPosters.proceduresFailed')} error={procedures.error} onRetry={() => void procedures.refetch()} />
        ) : (
          <>
            <Text size="sm" c="gray.7" role="status">
              {procedures.isPending ? t('common.loading')
                : items.length === 0 ? t('console.inbox.qrPosters.empty')
                  : t('console.inbox.qrPosters.count', { count: procedures.data.total, formattedCount: formatNumber(procedures.data.total) })}
            </Text>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((p) => (
                <Group
                  key={p.code}
                  component="li"
                  justify="space-between"
                  wrap="nowrap"
                  gap="sm"
                  py={8}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={550}>{p.name}</Text>
                    <Text size="xs" c="gray.7">
                      <span className="motcua-code">{p.code}</span> · {processingTimeLabel(language, p.processingTime)}
                    </Text>
                  </Stack>
                  <PrintButton
                    href={counterId ? procedurePosterUrl(counterId, p.code) : undefined}
                    label={t('console.inbox.qrPosters.printProcedure', { name: p.name })}
                    compact
                  />
                </Group>
              ))}
            </Stack>
            {procedures.data && procedures.data.total > items.length && (
              <Text size="xs" c="gray.7">{t('console.inbox.qrPosters.more')}</Text>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}

/** Opens the poster's PDF in a new tab (a real link: the browser's viewer prints it). */
function PrintButton({ href, label, compact = false, testId }: { href: string | undefined; label?: string; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      disabled={!href}
      variant={compact ? 'default' : 'filled'}
      size={compact ? 'compact-sm' : 'sm'}
      leftSection={<IconQrcode size={16} aria-hidden="true" />}
      aria-label={label}
      style={{ flexShrink: 0 }}
      data-testid={testId}
    >
      {t('console.inbox.qrPosters.print')}
    </Button>
  );
}
