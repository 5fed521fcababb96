import { Button, Group, Stack } from '@mantine/core';
import type { Contact, User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useUpdateContact } from '../api';
import { contactChanges, contactToValues } from '../contact-form-values';
import { ContactFields } from './ContactFields';

type Props = {
  contact: Contact;
  users: User[];
};

export function ContactEditForm({ contact, users }: Props) {
  const { t } = useTranslation();
  const updateContact = useUpdateContact();
  const [values, setValues] = useState(() => contactToValues(contact));
  const { errors, setErrors, handleError } = useFieldErrors();
  const changes = contactChanges(contact, values);
  const dirty = Object.keys(changes).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    updateContact.mutate(
      { id: contact.id, body: changes },
      {
        onSuccess: (saved) => {
          setErrors({});
          setValues(contactToValues(saved));
          notifySuccess(t('contacts.updated'));
        },
        onError: handleError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="edit-contact-form">
      <Stack>
        <ContactFields values={values} onChange={setValues} errors={errors} users={users} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" disabled={!dirty} onClick={() => setValues(contactToValues(contact))}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!dirty} loading={updateContact.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
