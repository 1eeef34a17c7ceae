import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import type { StoredDocument } from './dataStore.api.ts';

/** Inline with the words around it, and wrapping rather than cut in a narrow column. */
const badgeStyles = { root: { flexShrink: 0, verticalAlign: 'middle', height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' }, label: { whiteSpace: 'normal' } } as const;

/** Valid (until a date, or without expiry) or expired, as the server judged it today. */
export function ValidityBadge({ document }: { document: Pick<StoredDocument, 'validity' | 'validUntil'> }) {
  const { t } = useTranslation();
  if (document.validity === 'expired') {
    return <Badge component="span" color="red" variant="light" styles={badgeStyles}>{t('dataStore.expired', { date: formatPlainDate(document.validUntil) })}</Badge>;
  }
  return (
    <Badge component="span" color="green" variant="light" styles={badgeStyles}>
      {document.validUntil ? t('dataStore.validUntil', { date: formatPlainDate(document.validUntil) }) : t('dataStore.validNoExpiry')}
    </Badge>
  );
}
