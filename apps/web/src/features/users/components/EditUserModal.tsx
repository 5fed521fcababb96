import { Button, Group, Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import {
  canAssignRole,
  type Department,
  type ManagerFunction,
  managerFunctions,
  type Role,
  roles,
  UpdateUserBody,
  type User,
} from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useUpdateUser } from '../api';

type Props = {
  user: User;
  departments: Department[];
  /** The signed-in administrator's role: only an owner may grant or take away the owner role. */
  actorRole: Role;
  onClose: () => void;
};

export function EditUserModal({ user, departments, actorRole, onClose }: Props) {
  const { t } = useTranslation();
  const updateUser = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [managerFunction, setManagerFunction] = useState<ManagerFunction | null>(user.function);
  const [departmentId, setDepartmentId] = useState<string | null>(user.departmentId);
  const [active, setActive] = useState(user.active);
  const { errors, setErrors, handleError } = useFieldErrors();

  const roleOptions = roles.map((value) => ({
    value,
    label: t(`roles.${value}`),
    disabled: !canAssignRole(actorRole, value) || !canAssignRole(actorRole, user.role),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(UpdateUserBody, { name, role, function: managerFunction, departmentId, active });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    updateUser.mutate(
      { id: user.id, body: result.data },
      {
        onSuccess: () => {
          notifySuccess(t('users.updated'));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('users.edit')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {user.email}
          </Text>
          <TextInput
            label={t('users.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
          />
          <Select
            label={t('users.role')}
            value={role}
            onChange={(value) => value && setRole(value)}
            data={roleOptions}
            error={errors.role}
            allowDeselect={false}
          />
          <Select
            label={t('users.function')}
            value={managerFunction}
            onChange={setManagerFunction}
            data={managerFunctions.map((value) => ({ value, label: t(`functions.${value}`) }))}
            error={errors.function}
            placeholder={t('common.none')}
            clearable
          />
          <Select
            label={t('users.department')}
            value={departmentId}
            onChange={setDepartmentId}
            data={departments.map((department) => ({ value: department.id, label: department.name }))}
            error={errors.departmentId}
            placeholder={t('common.none')}
            clearable
            searchable
          />
          <Switch
            label={t('users.active')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
            error={errors.active}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={updateUser.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
