import { Badge, Group } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A field's label with the "Đã xác thực qua VNeID" mark, for a value the e-ID vouches for (shown
 * read-only). The mark is part of the label, so a screen reader reads it with the field's name.
 */
export function VerifiedLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} component="span" wrap="nowrap">
      <span>{label}</span>
      <Badge size="xs" color="teal" variant="light" leftSection={<IconShieldCheck size={12} aria-hidden="true" />}>{t('eform.verified')}</Badge>
    </Group>
  );
}
