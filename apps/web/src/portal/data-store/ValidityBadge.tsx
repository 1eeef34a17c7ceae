import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import type { StoredDocument } from './dataStore.api.ts';

/** Valid (until a date, or without expiry) or expired, as the server judged it today. */
export function ValidityBadge({ document }: { document: Pick<StoredDocument, 'validity' | 'validUntil'> }) {
  const { t } = useTranslation();
  if (document.validity === 'expired') {
    return <Badge color="red" variant="light">{t('dataStore.expired', { date: formatPlainDate(document.validUntil) })}</Badge>;
  }
  return (
    <Badge color="green" variant="light">
      {document.validUntil ? t('dataStore.validUntil', { date: formatPlainDate(document.validUntil) }) : t('dataStore.validNoExpiry')}
    </Badge>
  );
}
