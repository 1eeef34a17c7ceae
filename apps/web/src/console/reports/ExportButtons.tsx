import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { IconFileSpreadsheet, IconFileTypePdf, IconSignature } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client, problemFromBody } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { signAndDownload } from '../signedPdf.ts';
import { downloadFile } from './download.ts';
import { exportUrl, signUrl, type ReportFilters } from './reportQuery.ts';

type Format = 'xlsx' | 'pdf';

/**
 * "Tải XLSX" and "Tải PDF": links to the same report as files, for the same query as the screen.
 * They are real links (copyable, openable in a tab); a click fetches the file first so that a
 * refusal (e.g. a format the server cannot produce yet) is shown as a message instead of being
 * saved as a file.
 */
export function ExportButtons({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState<Format | 'signed' | null>(null);
  // Whether the caller may sign this report is the server's answer (one agency's, its leader or manager).
  const signing = useQuery({
    queryKey: ['reports', 'signing', filters.agency ?? null],
    queryFn: ({ signal }) => client.get('/reports/statistics/signing', { query: filters.agency ? { agency: filters.agency } : {}, signal }),
  });

  async function sign() {
    if (busy) return;
    setBusy('signed');
    try {
      await signAndDownload(signUrl(filters), `bao-cao-${filters.from}-${filters.to}-ky-so.pdf`);
    } catch (error) {
      const apiError = error as ReturnType<typeof problemFromBody>;
      notifications.show({
        color: 'red',
        title: t('console.reports.exports.signFailed'),
        message: apiError?.messages ? localized(apiError.messages, language) : t('errors.network'),
      });
    } finally {
      setBusy(null);
    }
  }

  async function download(event: MouseEvent<HTMLAnchorElement>, format: Format) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab or window: let the browser do it
    event.preventDefault();
    if (busy) return;
    setBusy(format);
    try {
      await downloadFile(exportUrl(filters, format), `bao-cao-${filters.from}-${filters.to}.${format}`);
    } catch (error) {
      const apiError = error as ReturnType<typeof problemFromBody>;
      notifications.show({
        color: 'red',
        title: t('console.reports.exports.failed'),
        message: apiError?.messages ? localized(apiError.messages, language) : t('errors.network'),
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Group gap="xs" role="group" aria-label={t('console.reports.exports.label')}>
      <Button
        component="a"
        href={exportUrl(filters, 'xlsx')}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => void download(event, 'xlsx')}
        variant="default"
        loading={busy === 'xlsx'}
        leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" color="#2b8a3e" />}
        data-testid="report-export-xlsx"
      >
        {t('console.reports.exports.xlsx')}
      </Button>
      <Button
        component="a"
        href={exportUrl(filters, 'pdf')}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => void download(event, 'pdf')}
        variant="default"
        loading={busy === 'pdf'}
        leftSection={<IconFileTypePdf size={16} aria-hidden="true" color="#c92a2a" />}
        data-testid="report-export-pdf"
      >
        {t('console.reports.exports.pdf')}
      </Button>
      {signing.data?.canSign && (
        <Button onClick={() => void sign()} variant="light" loading={busy === 'signed'} leftSection={<IconSignature size={16} aria-hidden="true" />} data-testid="report-sign-pdf">
          {t('console.reports.exports.sign')}
        </Button>
      )}
    </Group>
  );
}
