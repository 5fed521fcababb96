import { Alert, Button, Group, Stack } from '@mantine/core';
import { type Lead, UpdateLeadBody, type User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useDeleteLead, useRefusalReasons, useUpdateLead } from '../api';
import { changedFields, editStatuses, leadToValues } from '../lead-form-values';
import { LeadFields } from './LeadFields';

type Props = {
  lead: Lead;
  users: User[];
  onDeleted: () => void;
};

export function LeadEditForm({ lead, users, onDeleted }: Props) {
  const { t } = useTranslation();
  const updateLead = useUpdateLead();
  const deleteLead = useDeleteLead();
  const refusalReasons = useRefusalReasons();
  const [values, setValues] = useState(() => leadToValues(lead));
  const { errors, setErrors, handleError } = useFieldErrors();
  const changes = changedFields(lead, values);
  const dirty = Object.keys(changes).length > 0;
  // A converted lead is kept as it was; its deal, contact and company carry on.
  const converted = lead.status === 'converted';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(UpdateLeadBody, changes);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    if (values.status === 'refused' && !values.refusalReason) {
      setErrors({ refusalReason: t('validation.required') });
      return;
    }
    updateLead.mutate(
      { id: lead.id, body: result.data },
      {
        onSuccess: (saved) => {
          setErrors({});
          setValues(leadToValues(saved));
          notifySuccess(t('leads.updated'));
        },
        onError: handleError,
      },
    );
  };

  const remove = () =>
    deleteLead.mutate(lead.id, {
      onSuccess: () => {
        notifySuccess(t('leads.deleted'));
        onDeleted();
      },
      onError: notifyError,
    });

  return (
    <form onSubmit={submit} noValidate data-testid="edit-lead-form">
      <Stack>
        {converted ? <Alert color="green">{t('leads.convertedNotice')}</Alert> : null}
        <LeadFields
          values={values}
          onChange={setValues}
          errors={errors}
          users={users}
          statuses={editStatuses}
          refusalReasons={(refusalReasons.data ?? []).map((reason) => reason.name)}
          readOnly={converted}
        />
        <Group justify="space-between">
          <ConfirmButton
            question={t('leads.deleteConfirm')}
            onConfirm={remove}
            loading={deleteLead.isPending}
          >
            {t('common.delete')}
          </ConfirmButton>
          {converted ? null : (
            <Group gap="xs">
              <Button variant="default" disabled={!dirty} onClick={() => setValues(leadToValues(lead))}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!dirty} loading={updateLead.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </form>
  );
}
