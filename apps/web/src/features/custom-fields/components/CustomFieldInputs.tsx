import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { CustomField, User } from '@voronka/domain';
import type { FieldErrors } from '../../../ui/validate';

type Props = {
  fields: CustomField[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
  /** Errors keyed `custom.<key>`, as the server names them. */
  errors: FieldErrors;
  users: User[];
  readOnly?: boolean;
};

/** An input for each custom field of a kind of record, by the field's type. */
export function CustomFieldInputs({ fields, values, onChange, errors, users, readOnly = false }: Props) {
  if (fields.length === 0) return null;
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" data-testid="custom-field-inputs">
      {fields.map((field) => {
        const value = values[field.key];
        const common = { label: field.label, error: errors[`custom.${field.key}`], readOnly };
        switch (field.type) {
          case 'number':
          case 'money':
            return (
              <NumberInput
                key={field.id}
                {...common}
                value={typeof value === 'number' ? value : ''}
                onChange={(next) => set(field.key, typeof next === 'number' ? next : null)}
                thousandSeparator=" "
                suffix={field.type === 'money' ? ' ₽' : undefined}
                hideControls
              />
            );
          case 'date':
            return (
              <TextInput
                key={field.id}
                {...common}
                type="date"
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
              />
            );
          case 'select':
            return (
              <Select
                key={field.id}
                {...common}
                data={field.options}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => set(field.key, next)}
                clearable
              />
            );
          case 'multiselect':
            return (
              <MultiSelect
                key={field.id}
                {...common}
                data={field.options}
                value={Array.isArray(value) ? (value as string[]) : []}
                onChange={(next) => set(field.key, next)}
                clearable
              />
            );
          case 'user':
            return (
              <Select
                key={field.id}
                {...common}
                data={users
                  .filter((user) => user.active)
                  .map((user) => ({ value: user.id, label: user.name }))}
                value={typeof value === 'string' ? value : null}
                onChange={(next) => set(field.key, next)}
                searchable
                clearable
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={field.id}
                label={field.label}
                checked={value === true}
                onChange={(event) => set(field.key, event.currentTarget.checked)}
                disabled={readOnly}
                error={errors[`custom.${field.key}`]}
                mt="xl"
              />
            );
          case 'link':
            return (
              <TextInput
                key={field.id}
                {...common}
                type="url"
                placeholder="https://"
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
              />
            );
          default:
            return (
              <TextInput
                key={field.id}
                {...common}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
              />
            );
        }
      })}
    </SimpleGrid>
  );
}
