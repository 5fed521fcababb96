import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { LeadStatus, User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../ui/validate';
import { useEntityCustomFields } from '../../custom-fields/api';
import { CustomFieldInputs } from '../../custom-fields/components/CustomFieldInputs';
import { RegionInput } from '../../regions/RegionInput';
import { SourceInput } from '../../sources/SourceInput';
import type { LeadFormValues } from '../lead-form-values';

type TextField = 'title' | 'contactName' | 'phone' | 'email' | 'channel';

type Props = {
  values: LeadFormValues;
  onChange: (values: LeadFormValues) => void;
  errors: FieldErrors;
  users: User[];
  /** The statuses offered; the current one is always shown. */
  statuses: readonly LeadStatus[];
  /** Reasons the user's role may give for a refusal; when empty any text is accepted. */
  refusalReasons: string[];
  readOnly?: boolean;
};

/** The lead's editable fields, shared by the create modal and the lead card. */
export function LeadFields({
  values,
  onChange,
  errors,
  users,
  statuses,
  refusalReasons,
  readOnly = false,
}: Props) {
  const { t } = useTranslation();
  const customFields = useEntityCustomFields('lead');
  const set = <Field extends keyof LeadFormValues>(field: Field, value: LeadFormValues[Field]) =>
    onChange({ ...values, [field]: value });
  const text = (field: TextField) => ({
    label: t(`leads.fields.${field}`),
    value: values[field],
    error: errors[field],
    readOnly,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(field, event.currentTarget.value),
  });
  const statusOptions = statuses.includes(values.status) ? statuses : [values.status, ...statuses];

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput {...text('title')} required data-autofocus style={{ gridColumn: '1 / -1' }} />
      <TextInput {...text('contactName')} autoComplete="off" />
      <TextInput {...text('phone')} type="tel" autoComplete="off" />
      <TextInput {...text('email')} type="email" autoComplete="off" />
      <SourceInput
        label={t('leads.fields.source')}
        value={values.source}
        onChange={(source) => set('source', source)}
        error={errors.source}
        readOnly={readOnly}
        testId="lead-source"
      />
      <TextInput {...text('channel')} />
      <RegionInput
        value={values.region}
        onChange={(region) => set('region', region)}
        error={errors.region}
        readOnly={readOnly}
        testId="lead-region"
      />
      <Select
        label={t('leads.fields.responsibleId')}
        value={values.responsibleId}
        onChange={(value) => set('responsibleId', value)}
        data={users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))}
        error={errors.responsibleId}
        readOnly={readOnly}
        searchable
        clearable
      />
      <Select
        label={t('leads.fields.status')}
        value={values.status}
        onChange={(value) => value && onChange({ ...values, status: value, refusalReason: null })}
        data={statusOptions.map((status) => ({ value: status, label: t(`leads.status.${status}`) }))}
        error={errors.status}
        readOnly={readOnly}
        allowDeselect={false}
      />
      {values.status === 'refused' && refusalReasons.length > 0 ? (
        <Select
          label={t('leads.fields.refusalReason')}
          value={values.refusalReason}
          onChange={(value) => set('refusalReason', value)}
          data={refusalReasons}
          error={errors.refusalReason}
          readOnly={readOnly}
          required
        />
      ) : null}
      {values.status === 'refused' && refusalReasons.length === 0 ? (
        <TextInput
          label={t('leads.fields.refusalReason')}
          value={values.refusalReason ?? ''}
          onChange={(event) => set('refusalReason', event.currentTarget.value || null)}
          error={errors.refusalReason}
          readOnly={readOnly}
          required
        />
      ) : null}
      <div style={{ gridColumn: '1 / -1' }}>
        <CustomFieldInputs
          fields={customFields}
          values={values.custom}
          onChange={(custom) => set('custom', custom)}
          errors={errors}
          users={users}
          readOnly={readOnly}
        />
      </div>
    </SimpleGrid>
  );
}
