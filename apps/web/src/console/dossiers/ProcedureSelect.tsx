import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useProcedureSearch } from '../../shared/catalogue.ts';

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string;
  onChange: (code: string) => void;
}

/** A procedure picked by name or code, searched in the catalogue as the user types. */
export function ProcedureSelect({ value, onChange, ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const names = useRef(new Map<string, string>());
  const result = useProcedureSearch({ q: debounced, limit: 30 });
  for (const item of result.data?.items ?? []) names.current.set(item.code, item.name);

  const data = (result.data?.items ?? []).map((item) => ({ value: item.code, label: `${item.name} (${item.code})` }));
  if (value && !data.some((option) => option.value === value)) {
    const name = names.current.get(value);
    data.unshift({ value, label: name ? `${name} (${value})` : value });
  }

  return (
    <Select
      {...props}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already (with or without diacritics); show what it found.
      filter={({ options }) => options}
      nothingFoundMessage={result.isFetching ? '…' : undefined}
      comboboxProps={{ width: 420, position: 'bottom-start' }}
    />
  );
}
