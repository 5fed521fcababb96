import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useContact, useContactOptions } from '../api';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (contactId: string | null) => void;
};

/** A contact chosen by typing the start of their name, a phone or an email. */
export function ContactPicker({ value, onChange, ...selectProps }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const options = useContactOptions(query);
  const current = useContact(value);
  const data = new Map((options.data ?? []).map((contact) => [contact.id, contact.name]));
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
