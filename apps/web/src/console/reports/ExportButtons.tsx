import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFromBody } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { downloadName, exportUrl, type ReportFilters } from './reportQuery.ts';

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
  const [busy, setBusy] = useState<Format | null>(null);

  async function download(event: MouseEvent<HTMLAnchorElement>, format: Format) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab or window: let the browser do it
    event.preventDefault();
    if (busy) return;
    setBusy(format);
    try {
      const response = await fetch(exportUrl(filters, format), { credentials: 'same-origin' });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        throw problemFromBody(response.status, response.statusText, body);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(response.headers.get('content-disposition'), `bao-cao-${filters.from}-${filters.to}.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
    </Group>
  );
}
