import { Button, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import {
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  customFieldTypes,
} from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useCreateCustomField, useUpdateCustomField } from '../api';

type Props = {
  /** The field to edit, or the kind of record a new field is for; null while closed. */
  editing: CustomField | { entity: CustomFieldEntity } | null;
  onClose: () => void;
};

const withOptions: CustomFieldType[] = ['select', 'multiselect'];

/**
 * A custom field: its key (fixed once created: the API, filters and stage requirements use it),
 * label, type and, for lists, the options.
 */
export function CustomFieldFormModal({ editing, onClose }: Props) {
  const { t } = useTranslation();
  const existing = editing && 'id' in editing ? editing : null;
  const createField = useCreateCustomField();
  const updateField = useUpdateCustomField();
  const { errors, setErrors, handleError } = useFieldErrors();
  const [key, setKey] = useState(existing?.key ?? '');
  const [label, setLabel] = useState(existing?.label ?? '');
  const [type, setType] = useState<CustomFieldType>(existing?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(existing?.options ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('validation.required');
    if (!existing && !/^[a-z][a-z0-9_]{0,49}$/.test(key)) found.key = t('customFields.keyHint');
    if (withOptions.includes(type) && options.length === 0) found.options = t('validation.required');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const done = {
      onSuccess: () => {
        notifySuccess(t('customFields.saved'));
        onClose();
      },
      onError: handleError,
    };
    if (existing) updateField.mutate({ id: existing.id, body: { label: label.trim(), options } }, done);
    else if (editing)
      createField.mutate({ entity: editing.entity, key, label: label.trim(), type, options }, done);
  };

  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={existing ? t('customFields.edit') : t('customFields.new')}
    >
      <form onSubmit={submit} noValidate data-testid="custom-field-form">
        <Stack gap="sm">
          <TextInput
            label={t('customFields.label')}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
            required
            data-autofocus
          />
          <TextInput
            label={t('customFields.key')}
            description={t('customFields.keyHint')}
            value={key}
            onChange={(event) => setKey(event.currentTarget.value.toLowerCase())}
            error={errors.key}
            disabled={existing !== null}
            required
          />
          <Select
            label={t('customFields.type')}
            value={type}
            onChange={(value) => value && setType(value as CustomFieldType)}
            data={customFieldTypes.map((item) => ({ value: item, label: t(`customFields.types.${item}`) }))}
            disabled={existing !== null}
            allowDeselect={false}
          />
          {withOptions.includes(type) ? (
            <TagsInput
              label={t('customFields.options')}
              description={t('customFields.optionsHint')}
              value={options}
              onChange={setOptions}
              error={errors.options}
              clearable
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createField.isPending || updateField.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
