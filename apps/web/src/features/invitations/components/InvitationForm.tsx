import { Button, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import {
  CreateInvitationBody,
  type Department,
  type ManagerFunction,
  managerFunctions,
  type Role,
  roles,
} from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation } from '../../../api/types';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useCreateInvitation } from '../api';

type Props = {
  departments: Department[];
  /** Roles the signed-in administrator may grant. */
  assignableRoles: Role[];
  onCreated: (invitation: CreatedInvitation) => void;
};

export function InvitationForm({ departments, assignableRoles, onCreated }: Props) {
  const { t } = useTranslation();
  const createInvitation = useCreateInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const [managerFunction, setManagerFunction] = useState<ManagerFunction | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const { errors, setErrors, handleError } = useFieldErrors();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(CreateInvitationBody, { email, role, function: managerFunction, departmentId });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    createInvitation.mutate(result.data, {
      onSuccess: (invitation) => {
        setErrors({});
        setEmail('');
        onCreated(invitation);
      },
      onError: handleError,
    });
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('invitations.new')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="invitation-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('invitations.email')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
              required
            />
            <Select
              label={t('invitations.role')}
              value={role}
              onChange={(value) => value && setRole(value)}
              data={roles
                .filter((value) => assignableRoles.includes(value))
                .map((value) => ({ value, label: t(`roles.${value}`) }))}
              error={errors.role}
              allowDeselect={false}
            />
            <Select
              label={t('invitations.function')}
              value={managerFunction}
              onChange={setManagerFunction}
              data={managerFunctions.map((value) => ({ value, label: t(`functions.${value}`) }))}
              error={errors.function}
              placeholder={t('common.none')}
              clearable
            />
            <Select
              label={t('invitations.department')}
              value={departmentId}
              onChange={setDepartmentId}
              data={departments.map((department) => ({ value: department.id, label: department.name }))}
              error={errors.departmentId}
              placeholder={t('common.none')}
              clearable
              searchable
            />
          </SimpleGrid>
          <Button type="submit" loading={createInvitation.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('invitations.send')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
