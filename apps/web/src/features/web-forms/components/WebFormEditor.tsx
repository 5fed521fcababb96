import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type WebForm, type WebFormField, WebFormInput, webFormFields, webFormLabels } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { SourceInput } from '../../sources/SourceInput';
import { useUsers } from '../../users/api';
import type { WebFormBody } from '../api';

type Asked = Record<WebFormField, { asked: boolean; required: boolean; label: string }>;

type Props = {
  form?: WebForm;
  saving: boolean;
  onSave: (body: WebFormBody, done: () => void, failed: (error: unknown) => void) => void;
};

function askedOf(form: WebForm | undefined): Asked {
  const fields = form?.fields ?? [
    { field: 'contactName', label: null, required: true },
    { field: 'phone', label: null, required: true },
    { field: 'comment', label: null, required: false },
  ];
  return Object.fromEntries(
    webFormFields.map((field) => {
      const found = fields.find((item) => item.field === field);
      return [
        field,
        { asked: Boolean(found), required: found?.required ?? false, label: found?.label ?? '' },
      ];
    }),
  ) as Asked;
}

/** What a website form asks and where its leads go; the same editor creates and changes a form. */
export function WebFormEditor({ form, saving, onSave }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const [name, setName] = useState(form?.name ?? '');
  const [source, setSource] = useState(form?.source ?? 'website');
  const [responsibleId, setResponsibleId] = useState<string | null>(form?.responsibleId ?? null);
  const [language, setLanguage] = useState<'ru' | 'en'>(form?.language ?? 'ru');
  const [successMessage, setSuccessMessage] = useState(form?.successMessage ?? '');
  const [asked, setAsked] = useState<Asked>(() => askedOf(form));
  const { errors, setErrors, handleError } = useFieldErrors();

  const change = (field: WebFormField, patch: Partial<Asked[WebFormField]>) =>
    setAsked((current) => ({ ...current, [field]: { ...current[field], ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      source: source.trim() || null,
      responsibleId,
      language,
      successMessage: successMessage.trim() || null,
      fields: webFormFields
        .filter((field) => asked[field].asked)
        .map((field) => ({
          field,
          required: asked[field].required,
          label: asked[field].label.trim() || null,
        })),
    };
    const result = validate(WebFormInput, body);
    if (!result.ok) {
      // The one rule the schema states in English: a form must ask for a way to reach the visitor.
      const { fields, ...rest } = result.errors;
      setErrors(fields === undefined ? rest : { ...rest, fields: t('webForms.needContact') });
      return;
    }
    onSave(
      body,
      () => {
        setErrors({});
        if (!form) {
          setName('');
          setAsked(askedOf(undefined));
        }
      },
      handleError,
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="web-form-editor">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('webForms.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t('webForms.responsible')}
            description={t('webForms.responsibleHint')}
            value={responsibleId}
            onChange={setResponsibleId}
            data={(users.data ?? [])
              .filter((user) => user.active)
              .map((user) => ({ value: user.id, label: user.name }))}
            error={errors.responsibleId}
            searchable
            clearable
          />
          <SourceInput
            label={t('webForms.source')}
            description={t('webForms.sourceHint')}
            value={source}
            onChange={setSource}
            error={errors.source}
            testId="web-form-source"
          />
          <Select
            label={t('webForms.language')}
            value={language}
            onChange={(value) => (value === 'ru' || value === 'en') && setLanguage(value)}
            data={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput
          label={t('webForms.successMessage')}
          placeholder={t('webForms.successMessageHint')}
          value={successMessage}
          onChange={(event) => setSuccessMessage(event.currentTarget.value)}
          error={errors.successMessage}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('webForms.fields')}
          </Text>
          <Table withTableBorder verticalSpacing={6} data-testid="web-form-fields">
            <Table.Tbody>
              {webFormFields.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td w={200}>
                    <Checkbox
                      label={t(`webForms.field.${field}`)}
                      checked={asked[field].asked}
                      onChange={(event) => change(field, { asked: event.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('webForms.label', { field: t(`webForms.field.${field}`) })}
                      placeholder={webFormLabels[language][field]}
                      value={asked[field].label}
                      disabled={!asked[field].asked}
                      onChange={(event) => change(field, { label: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td w={160}>
                    <Switch
                      size="xs"
                      label={t('webForms.required')}
                      checked={asked[field].required}
                      disabled={!asked[field].asked}
                      onChange={(event) => change(field, { required: event.currentTarget.checked })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {errors.fields ? (
            <Text c="red" size="xs" mt={4} role="alert">
              {errors.fields}
            </Text>
          ) : null}
        </div>
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {form ? t('common.save') : t('webForms.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
