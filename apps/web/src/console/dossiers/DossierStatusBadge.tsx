import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { vi } from '../../shared/i18n/vi.ts';
import type { DueState } from '../../shared/timeLeft.ts';

type Status = keyof typeof vi.dossierStatus;

const statusColors: Record<Status, string> = {
  draft: 'gray',
  awaiting_confirmation: 'yellow',
  submitted: 'violet',
  received: 'blue',
  processing: 'blue',
  supplement_requested: 'orange',
  paused: 'orange',
  resolved: 'green',
  returned: 'teal',
  refused: 'red',
  rejected: 'red',
  withdrawn: 'gray',
  discarded: 'gray',
};

export function isKnownStatus(status: string): status is Status {
  return status in vi.dossierStatus;
}

/** A dossier's status in the user's language ("Đang xử lý"), coloured by what it asks of staff. */
export function DossierStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useTranslation();
  const known = isKnownStatus(status);
  return (
    <Badge color={known ? statusColors[status] : 'gray'} {...props}>
      {known ? t(`dossierStatus.${status}`) : status}
    </Badge>
  );
}

/** "Quá hạn" in red, "Sắp đến hạn" in amber; nothing for a dossier on track. */
export function DueBadge({ state, ...props }: { state: DueState } & BadgeProps) {
  const { t } = useTranslation();
  if (state === 'overdue') return <Badge color="red" variant="filled" {...props}>{t('dossier.due.overdue')}</Badge>;
  if (state === 'soon') return <Badge color="yellow" c="orange.9" variant="light" {...props}>{t('dossier.due.soon')}</Badge>;
  if (state === 'stopped') return <Badge color="orange" variant="outline" {...props}>{t('dossier.due.stopped')}</Badge>;
  return null;
}
