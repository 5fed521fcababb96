import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCompany, useCompanyOptions } from '../api';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (companyId: string | null) => void;
};

/** A company chosen by typing the start of its name, a phone or an INN. */
export function CompanyPicker({ value, onChange, ...selectProps }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const options = useCompanyOptions(query);
  const current = useCompany(value);
  const data = new Map((options.data ?? []).map((company) => [company.id, company.name]));
  if (current.data) data.set(current.data.id, current.data.name);

  return (
    <Select
      {...selectProps}
      data={[...data].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      nothingFoundMessage="—"
    />
  );
}
