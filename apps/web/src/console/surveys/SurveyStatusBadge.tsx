import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors = { draft: 'gray', open: 'green', closed: 'blue' } as const;

export function SurveyStatusBadge({ status }: { status: 'draft' | 'open' | 'closed' }) {
  const { t } = useTranslation();
  return <Badge color={colors[status]} variant="light" data-status={status}>{t(`surveys.status.${status}`)}</Badge>;
}
