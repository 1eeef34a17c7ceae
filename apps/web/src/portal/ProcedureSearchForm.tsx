import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { proceduresPath, type CatalogueFilters } from './paths.ts';
import { SearchField } from './SearchField.tsx';

interface Props {
  label: string;
  initialQuery?: string;
  size?: 'sm' | 'md';
  /** The filters a new search keeps (the search page's). */
  filters?: CatalogueFilters;
}

/** The procedure search box: submits to `/thu-tuc?q=…` (the server matches with or without diacritics). */
export function ProcedureSearchForm({ label, initialQuery = '', size = 'md', filters }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(proceduresPath(query, 1, filters));
  }

  return (
    <form role="search" onSubmit={submit}>
      <SearchField
        label={label}
        hint={t('portal.home.searchHint')}
        submitLabel={t('common.search')}
        icon={<IconSearch size={18} aria-hidden="true" />}
        size={size}
        placeholder={t('portal.home.searchPlaceholder')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        type="search"
        name="q"
        autoComplete="off"
        maxLength={200}
      />
    </form>
  );
}
