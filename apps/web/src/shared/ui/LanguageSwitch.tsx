import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, useLanguage, type Language } from '../i18n/index.ts';

/** VI | EN switch. Each option is announced by its full name, in its own language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      radius="sm"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void setLanguage(value as Language)}
      data={languages.map((lng) => ({
        value: lng,
        label: (
          <span lang={lng}>
            <span aria-hidden="true">{t(`language.short.${lng}`)}</span>
            <VisuallyHidden>{t(`language.${lng}`)}</VisuallyHidden>
          </span>
        ),
      }))}
    />
  );
}
