import { IconFileSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dossierLookupPath, normalizeDossierCode } from './paths.ts';
import { SearchField } from './SearchField.tsx';

interface Props {
  label: string;
  initialCode?: string;
  size?: 'sm' | 'md';
}

/** The dossier lookup box: goes to `/tra-cuu/:code`. */
export function DossierLookupForm({ label, initialCode = '', size = 'md' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = normalizeDossierCode(code);
    setMissing(normalized === '');
    if (normalized) void navigate(dossierLookupPath(normalized));
  }

  return (
    <form onSubmit={submit} noValidate>
      <SearchField
        label={label}
        hint={t('portal.home.lookupHint')}
        error={missing ? t('portal.lookup.codeRequired') : undefined}
        submitLabel={t('portal.home.lookupButton')}
        icon={<IconFileSearch size={18} aria-hidden="true" />}
        size={size}
        placeholder={t('portal.home.lookupPlaceholder')}
        value={code}
        onChange={(event) => {
          setCode(event.currentTarget.value);
          setMissing(false);
        }}
        name="code"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={60}
        classNames={{ input: 'motcua-code' }}
      />
    </form>
  );
}
