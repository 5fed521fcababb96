import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ValueListInput } from '../../../ui/ValueListInput';
import type { FieldErrors } from '../../../ui/validate';
import { CompanyPicker } from '../../companies/components/CompanyPicker';
import { useEntityCustomFields } from '../../custom-fields/api';
import { CustomFieldInputs } from '../../custom-fields/components/CustomFieldInputs';
import type { ContactFormValues } from '../contact-form-values';

type Props = {
  values: ContactFormValues;
  onChange: (values: ContactFormValues) => void;
  errors: FieldErrors;
  users: User[];
};

export function ContactFields({ values, onChange, errors, users }: Props) {
  const { t } = useTranslation();
  const customFields = useEntityCustomFields('contact');
  const set = <Field extends keyof ContactFormValues>(field: Field, value: ContactFormValues[Field]) =>
    onChange({ ...values, [field]: value });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('contacts.fields.name')}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <TextInput
          label={t('contacts.fields.position')}
          value={values.position}
          onChange={(event) => set('position', event.currentTarget.value)}
          error={errors.position}
        />
      </SimpleGrid>
      <CompanyPicker
        label={t('contacts.fields.companyId')}
        value={values.companyId}
        onChange={(value) => set('companyId', value)}
        error={errors.companyId}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ValueListInput
          label={t('contacts.fields.phones')}
          values={values.phones}
          onChange={(phones) => set('phones', phones)}
          errorAt={(index) => (errors[`phones.${index}`] ? t('validation.phone') : undefined)}
          type="tel"
          addLabel={t('common.addPhone')}
          testId="contact-phones"
        />
        <ValueListInput
          label={t('contacts.fields.emails')}
          values={values.emails}
          onChange={(emails) => set('emails', emails)}
          errorAt={(index) => (errors[`emails.${index}`] ? t('validation.email') : undefined)}
          type="email"
          addLabel={t('common.addEmail')}
        />
      </SimpleGrid>
      <Select
        label={t('contacts.fields.responsibleId')}
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
