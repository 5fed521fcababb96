import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ValueListInput } from '../../../ui/ValueListInput';
import type { FieldErrors } from '../../../ui/validate';
import { useEntityCustomFields } from '../../custom-fields/api';
import { CustomFieldInputs } from '../../custom-fields/components/CustomFieldInputs';
import { RegionInput } from '../../regions/RegionInput';
import type { CompanyFormValues } from '../company-form-values';

type Props = {
  values: CompanyFormValues;
  onChange: (values: CompanyFormValues) => void;
  errors: FieldErrors;
  users: User[];
};

/** The company's editable fields; format errors read in the UI language whatever the server said. */
export function CompanyFields({ values, onChange, errors, users }: Props) {
  const { t } = useTranslation();
  const customFields = useEntityCustomFields('company');
  const set = <Field extends keyof CompanyFormValues>(field: Field, value: CompanyFormValues[Field]) =>
    onChange({ ...values, [field]: value });

  return (
    <Stack gap="sm">
      <TextInput
        label={t('companies.fields.name')}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors.name}
        required
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('companies.fields.inn')}
          value={values.inn}
          onChange={(event) => set('inn', event.currentTarget.value)}
          error={errors.inn ? t('companies.errors.inn') : undefined}
          inputMode="numeric"
          data-testid="company-inn"
        />
        <TextInput
          label={t('companies.fields.kpp')}
          value={values.kpp}
          onChange={(event) => set('kpp', event.currentTarget.value)}
          error={errors.kpp ? t('companies.errors.kpp') : undefined}
        />
      </SimpleGrid>
      <TextInput
        label={t('companies.fields.address')}
        value={values.address}
        onChange={(event) => set('address', event.currentTarget.value)}
        error={errors.address}
      />
      <RegionInput
        value={values.region}
        onChange={(region) => set('region', region)}
        error={errors.region}
        testId="company-region"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ValueListInput
          label={t('companies.fields.phones')}
          values={values.phones}
          onChange={(phones) => set('phones', phones)}
          errorAt={(index) => (errors[`phones.${index}`] ? t('validation.phone') : undefined)}
          type="tel"
          addLabel={t('common.addPhone')}
          testId="company-phones"
        />
        <ValueListInput
          label={t('companies.fields.emails')}
          values={values.emails}
          onChange={(emails) => set('emails', emails)}
          errorAt={(index) => (errors[`emails.${index}`] ? t('validation.email') : undefined)}
          type="email"
          addLabel={t('common.addEmail')}
        />
      </SimpleGrid>
      <Select
        label={t('companies.fields.responsibleId')}
        data={users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))}
        value={values.responsibleId}
        onChange={(value) => set('responsibleId', value)}
        error={errors.responsibleId}
        searchable
        clearable
      />
      <CustomFieldInputs
        fields={customFields}
        values={values.custom}
        onChange={(custom) => set('custom', custom)}
        errors={errors}
        users={users}
      />
    </Stack>
  );
}
