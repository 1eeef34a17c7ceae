import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { securityCodeInputMaxLength, securityCodeProblem, tidySecurityCodeInput } from '@motcua/domain';
import { useLanguage } from '../shared/i18n/index.ts';

/**
 * The receipt's security code, which proves the applicant (supplement, withdrawal, rating): one
 * field, masked like a password, never remembered by the browser. Once typed, a whole code is shown
 * as printed (upper case, groups of four with dashes: the domain's rule, under which a code read
 * out in lower case or without dashes is the same code); an older 24-character code is left as
 * typed. Each form gives its own hint and error (and label: a feedback's code is not a dossier's); a code that cannot be one says why.
 */
export function SecurityCodeInput({ value, onChange, error, label, ...props }: { value: string; onChange: (value: string) => void; label?: string } & Omit<PasswordInputProps, 'value' | 'onChange' | 'label'>) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Said only once the text is as long as a code: not while it is being typed.
  const problem = value.trim().length >= 16 ? securityCodeProblem(value) : undefined;
  return (
    <PasswordInput
      label={label ?? t('portal.lookup.secretLabel')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => onChange(tidySecurityCodeInput(value))}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={securityCodeInputMaxLength}
      required
      error={error ?? (problem ? problem[language] : undefined)}
      {...props}
    />
  );
}
