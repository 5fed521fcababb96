import { Button, Group, Modal, Stack } from '@mantine/core';
import { CreateLeadBody, type Lead, type User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useCreateLead } from '../api';
import { createStatuses, emptyLeadValues, valuesToCreateBody } from '../lead-form-values';
import { LeadFields } from './LeadFields';

type Props = {
  opened: boolean;
  onClose: () => void;
  onCreated: (lead: Lead) => void;
  users: User[];
  currentUserId: string;
};

export function CreateLeadModal({ opened, onClose, onCreated, users, currentUserId }: Props) {
  const { t } = useTranslation();
  const createLead = useCreateLead();
  const [values, setValues] = useState(() => emptyLeadValues(currentUserId));
  const { errors, setErrors, handleError } = useFieldErrors();

  const close = () => {
    setValues(emptyLeadValues(currentUserId));
    setErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(CreateLeadBody, valuesToCreateBody(values));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    createLead.mutate(result.data, {
      onSuccess: (lead) => {
        notifySuccess(t('leads.created'));
        close();
        onCreated(lead);
      },
      onError: handleError,
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('leads.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-lead-form">
        <Stack>
          <LeadFields
            values={values}
            onChange={setValues}
            errors={errors}
            users={users}
            statuses={createStatuses}
            refusalReasons={[]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createLead.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
