import { Button, Group, Stack } from '@mantine/core';
import type { Company, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useUpdateCompany } from '../api';
import { companyChanges, companyToValues } from '../company-form-values';
import { CompanyFields } from './CompanyFields';

type Props = {
  company: Company;
  users: User[];
};

export function CompanyEditForm({ company, users }: Props) {
  const { t } = useTranslation();
  const updateCompany = useUpdateCompany();
  const [values, setValues] = useState(() => companyToValues(company));
  const { errors, setErrors, handleError } = useFieldErrors();
  const changes = companyChanges(company, values);
  const dirty = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    updateCompany.mutate(
      { id: company.id, body: changes },
      {
        onSuccess: (saved) => {
          setErrors({});
          setValues(companyToValues(saved));
          notifySuccess(t('companies.updated'));
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="edit-company-form">
      <Stack>
        <CompanyFields values={values} onChange={setValues} errors={errors} users={users} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" disabled={!dirty} onClick={() => setValues(companyToValues(company))}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!dirty} loading={updateCompany.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
