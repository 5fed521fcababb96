import { Button, Group, Modal, Stack } from '@mantine/core';
import type { Contact, DuplicateMatch, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { DuplicateWarning, duplicatesOf } from '../../duplicates/components/DuplicateWarning';
import { useCreateContact } from '../api';
import { contactCreateBody, emptyContactValues } from '../contact-form-values';
import { ContactFields } from './ContactFields';

type Props = {
  opened: boolean;
  onClose: () => void;
  onCreated: (contact: Contact) => void;
  /** A company the new contact works at (when created from the company's card). */
  companyId?: string | null;
  users: User[];
  currentUserId: string;
};

/** A new contact; when others share a phone or an email the server names them and asks first. */
export function CreateContactModal({
  opened,
  onClose,
  onCreated,
  users,
  currentUserId,
  companyId = null,
}: Props) {
  const { t } = useTranslation();
  const createContact = useCreateContact();
  const [values, setValues] = useState(() => emptyContactValues(currentUserId, companyId));
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const { errors, setErrors, handleError } = useFieldErrors();

  const close = () => {
    setValues(emptyContactValues(currentUserId, companyId));
    setErrors({});
    setDuplicates(null);
    onClose();
  };

  const send = (allowDuplicates: boolean) => {
    if (!values.name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    createContact.mutate(
      { body: contactCreateBody(values), allowDuplicates },
      {
        onSuccess: (contact) => {
          notifySuccess(t('contacts.created'));
          close();
          onCreated(contact);
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
    <Modal opened={opened} onClose={close} title={t('contacts.new')} size="lg">
      <form onSubmit={submit} noValidate data-testid="create-contact-form">
        <Stack>
          <ContactFields values={values} onChange={setValues} errors={errors} users={users} />
          {duplicates ? (
            <DuplicateWarning
              duplicates={duplicates}
              loading={createContact.isPending}
              onCreateAnyway={() => send(true)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createContact.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
