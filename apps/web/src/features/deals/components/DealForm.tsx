import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Deal, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { CompanyPicker } from '../../companies/components/CompanyPicker';
import { ContactPicker } from '../../contacts/components/ContactPicker';
import { useEntityCustomFields } from '../../custom-fields/api';
import { CustomFieldInputs } from '../../custom-fields/components/CustomFieldInputs';
import { SourceInput } from '../../sources/SourceInput';
import { useUpdateDeal } from '../api';
import { dealChanges, dealToValues } from '../deal-form-values';

type Props = {
  deal: Deal;
  users: User[];
  /** With product lines the amount is their total and cannot be typed. */
  amountFromProducts: boolean;
};

/** The deal's fields, saved with PATCH as only what changed. */
export function DealForm({ deal, users, amountFromProducts }: Props) {
  const { t } = useTranslation();
  const updateDeal = useUpdateDeal();
  const customFields = useEntityCustomFields('deal');
  const [values, setValues] = useState(() => dealToValues(deal));
  const { errors, setErrors, handleError } = useFieldErrors();
  const changes = dealChanges(deal, values, amountFromProducts);
  const dirty = Object.keys(changes).length > 0;
  const set = <Field extends keyof typeof values>(field: Field, value: (typeof values)[Field]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) {
      setErrors({ title: t('validation.required') });
      return;
    }
    updateDeal.mutate(
      { id: deal.id, body: changes },
      {
        onSuccess: (saved) => {
          setErrors({});
          setValues(dealToValues(saved));
          notifySuccess(t('deals.updated'));
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="deal-form">
      <Stack gap="sm">
        <TextInput
          label={t('deals.fields.title')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={errors.title}
          required
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('deals.fields.amount')}
            value={values.amount}
            onChange={(value) => set('amount', typeof value === 'number' ? value : '')}
            error={errors.amount}
            min={0}
            thousandSeparator=" "
            decimalScale={2}
            hideControls
            readOnly={amountFromProducts}
            description={amountFromProducts ? t('deals.amountFromProducts') : undefined}
            data-testid="deal-amount"
          />
          <TextInput
            label={t('deals.fields.currency')}
            value={values.currency}
            onChange={(event) => set('currency', event.currentTarget.value)}
            error={errors.currency}
            maxLength={3}
          />
          <TextInput
            label={t('deals.fields.expectedCloseDate')}
            type="date"
            value={values.expectedCloseDate}
            onChange={(event) => set('expectedCloseDate', event.currentTarget.value)}
            error={errors.expectedCloseDate}
            data-testid="deal-expected-close-date"
          />
          <NumberInput
            label={t('deals.fields.probability')}
            value={values.probability}
            onChange={(value) => set('probability', typeof value === 'number' ? value : '')}
            error={errors.probability}
            min={0}
            max={100}
            suffix="%"
            allowDecimal={false}
          />
          <Select
            label={t('deals.fields.responsibleId')}
            data={users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }))}
            value={values.responsibleId}
            onChange={(value) => set('responsibleId', value)}
            error={errors.responsibleId}
            searchable
            clearable
          />
          <SourceInput
            label={t('deals.fields.source')}
            value={values.source}
            onChange={(source) => set('source', source)}
            error={errors.source}
            testId="deal-source"
          />
          <CompanyPicker
            label={t('deals.fields.companyId')}
            value={values.companyId}
            onChange={(value) => set('companyId', value)}
            error={errors.companyId}
          />
          <ContactPicker
            label={t('deals.fields.contactId')}
            value={values.contactId}
            onChange={(value) => set('contactId', value)}
            error={errors.contactId}
          />
        </SimpleGrid>
        <CustomFieldInputs
          fields={customFields}
          values={values.custom}
          onChange={(custom) => set('custom', custom)}
          errors={errors}
          users={users}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" disabled={!dirty} onClick={() => setValues(dealToValues(deal))}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!dirty} loading={updateDeal.isPending} data-testid="deal-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
