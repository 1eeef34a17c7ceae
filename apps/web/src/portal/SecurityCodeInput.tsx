import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The receipt's security code, which proves the applicant (supplement, withdrawal, rating): one
 * field, masked like a password, never remembered by the browser. Each form gives its own hint and
 * error.
 */
export function SecurityCodeInput({ value, onChange, ...props }: { value: string; onChange: (value: string) => void } & Omit<PasswordInputProps, 'value' | 'onChange' | 'label'>) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('portal.lookup.secretLabel')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="off"
      required
      {...props}
    />
  );
}
