import { Button, Group, Input, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { localDateOf, type PlainDate } from '@motcua/domain';
import { useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { CounterFields, useCounterChoice } from './CounterChoice.tsx';
import {
  bookPresets, fetchTrackingBook, periodProblem, presetOf, presetPeriod, trackingBookUrl, type BookAgency, type BookPeriod,
} from './trackingBook.api.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The agencies whose counters the user may choose (at least one). */
  agencies: readonly BookAgency[];
}

/** Form 07 of a counter for a period: choose the counter and the dates, then open or download the PDF. */
export function TrackingBookDialog({ opened, onClose, agencies }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('console.inbox.trackingBook.title')}</Text>} size="lg"
      closeButtonProps={{ 'aria-label': t('console.inbox.trackingBook.close') }}>
      <TrackingBookForm agencies={agencies} onClose={onClose} />
    </Modal>
  );
}

type Delivery = 'open' | 'download';

function TrackingBookForm({ agencies, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = useMemo(() => localDateOf(Date.now()), []);
  const choice = useCounterChoice(agencies, { openOnly: false });
  const { counterId } = choice;
  const [from, setFrom] = useState<string>(() => presetPeriod('thisMonth', today).from);
  const [to, setTo] = useState<string>(() => presetPeriod('thisMonth', today).to);
  const [busy, setBusy] = useState<Delivery | null>(null);

  const period: BookPeriod | undefined = from && to ? { from: from as PlainDate, to: to as PlainDate } : undefined;
  const problem = period ? periodProblem(period) : undefined;
  const url = counterId && period && !problem ? trackingBookUrl(counterId, period) : undefined;
  const preset = presetOf({ from, to }, today);

  async function deliver(event: MouseEvent<HTMLAnchorElement>, how: Delivery) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab or window: let the browser do it
    event.preventDefault();
    if (busy || !counterId || !period || problem) return;
    setBusy(how);
    try {
      const { blob, fileName } = await fetchTrackingBook(counterId, period);
      const objectUrl = URL.createObjectURL(blob);
      // A blocked pop-up falls back to a download: the officer still gets the file.
      if (how === 'open' && window.open(objectUrl, '_blank')) {
        setTimeout(() => URL.revokeObjectURL(objectUrl), 10 * 60_000); // the tab may be reloaded for a while
        return;
      }
      const link = document.createElement('a');
      link.href = objectUrl;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('console.inbox.trackingBook.failed'),
        message: isApiError(error) ? localized(error.messages, language) : t('errors.network'),
        autoClose: 10_000,
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">{t('console.inbox.trackingBook.intro')}</Text>
      <CounterFields
        choice={choice}
        texts={{
          agency: t('console.inbox.trackingBook.agency'),
          counter: t('console.inbox.trackingBook.counter'),
          counterPlaceholder: t('console.inbox.trackingBook.counterPlaceholder'),
          countersFailed: t('console.inbox.trackingBook.countersFailed'),
          noCounters: t('console.inbox.trackingBook.noCounters'),
        }}
        agencyLabel={(a) => `${a.name} (${a.code})`}
        counterLabel={(c) => (c.active ? c.name : t('console.inbox.trackingBook.inactive', { name: c.name }))}
      />
      <Stack gap="xs" role="group" aria-labelledby="tracking-book-period">
        <Input.Label labelElement="div" id="tracking-book-period">{t('console.inbox.trackingBook.period')}</Input.Label>
        <Group gap="xs">
          {bookPresets.map((p) => (
            <Button
              key={p}
              size="compact-sm"
              variant={preset === p ? 'light' : 'default'}
              aria-pressed={preset === p}
              onClick={() => {
                const dates = presetPeriod(p, today);
                setFrom(dates.from);
                setTo(dates.to);
              }}
            >
              {t(`console.inbox.trackingBook.presets.${p}`)}
            </Button>
          ))}
        </Group>
        <Group gap="sm" align="flex-start" grow>
          <DateField
            label={t('console.inbox.trackingBook.from')}
            value={from}
            onChange={setFrom}
            maxDate={today}
            error={from ? undefined : t('console.inbox.trackingBook.dateRequired')}
          />
          <DateField
            label={t('console.inbox.trackingBook.to')}
            value={to}
            onChange={setTo}
            maxDate={today}
            error={!to ? t('console.inbox.trackingBook.dateRequired') : problem ? t(`console.inbox.trackingBook.${problem}`) : undefined}
          />
        </Group>
      </Stack>
      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="subtle" color="gray" onClick={onClose}>{t('console.inbox.trackingBook.close')}</Button>
        <Group gap="xs" role="group" aria-label={t('console.inbox.trackingBook.actions')}>
          <Button
            component="a"
            href={url}
            target="_blank"
            rel="noopener"
            onClick={(event: MouseEvent<HTMLAnchorElement>) => void deliver(event, 'open')}
            disabled={!url}
            loading={busy === 'open'}
            variant="default"
            leftSection={<IconExternalLink size={16} aria-hidden="true" />}
          >
            {t('console.inbox.trackingBook.openPdf')}
          </Button>
          <Button
            component="a"
            href={url}
            onClick={(event: MouseEvent<HTMLAnchorElement>) => void deliver(event, 'download')}
            disabled={!url}
            loading={busy === 'download'}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            data-testid="tracking-book-download"
          >
            {t('console.inbox.trackingBook.downloadPdf')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
