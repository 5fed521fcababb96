import { Button, Group, Modal, Stack } from '@mantine/core';
import type { Company, DuplicateMatch, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { DuplicateWarning, duplicatesOf } from '../../duplicates/components/DuplicateWarning';
import { useCreateCompany } from '../api';
import { companyCreateBody, emptyCompanyValues } from '../company-form-values';
import { CompanyFields } from './CompanyFields';

type Props = {
  opened: boolean;
  onClose: () => void;
  onCreated: (company: Company) => void;
  users: User[];
  currentUserId: string;
};

/** A new company; when others share its phone, email or INN the server names them and asks first. */
export function CreateCompanyModal({ opened, onClose, onCreated, users, currentUserId }: Props) {
  const { t } = useTranslation();
  const createCompany = useCreateCompany();
  const [values, setValues] = useState(() => emptyCompanyValues(currentUserId));
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const { errors, setErrors, handleError } = useFieldErrors();

  const close = () => {
    setValues(emptyCompanyValues(currentUserId));
    setErrors({});
    setDuplicates(null);
    onClose();
  };

  const send = (allowDuplicates: boolean) => {
    if (!values.name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    createCompany.mutate(
      { body: companyCreateBody(values), allowDuplicates },
      {
        onSuccess: (company) => {
          notifySuccess(t('companies.created'));
          close();
          onCreated(company);
        },
        onError: (error) => {
          const found = duplicatesOf(error);
          if (found) {
            setErrors({});
            setDuplicates(found);
          } else handleError(error);
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDuplicates(null);
    send(false);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('companies.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-company-form">
        <Stack>
          <CompanyFields values={values} onChange={setValues} errors={errors} users={users} />
          {duplicates ? (
            <DuplicateWarning
              duplicates={duplicates}
              loading={createCompany.isPending}
              onCreateAnyway={() => send(true)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createCompany.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
