import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { CreateDepartmentBody, type Department, type User } from '@voronka/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../ui/notify';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { validate } from '../../../ui/validate';
import { useCreateDepartment, useUpdateDepartment } from '../api';
import { subtreeIds } from '../department-tree';

type Props = {
  /** The department to edit, or `null` to create one. */
  department: Department | null;
  departments: Department[];
  users: User[];
  onClose: () => void;
};

/** Create or edit a department: name, parent, head. Mount it with a `key` per department. */
export function DepartmentFormModal({ department, departments, users, onClose }: Props) {
  const { t } = useTranslation();
  const createDepartment = useCreateDepartment();
  const updateDepartment = useUpdateDepartment();
  const [name, setName] = useState(department?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(department?.parentId ?? null);
  const [headId, setHeadId] = useState<string | null>(department?.headId ?? null);
  const { errors, setErrors, handleError } = useFieldErrors();

  const excluded = department ? subtreeIds(departments, department.id) : new Set<string>();
  const parents = departments
    .filter((candidate) => !excluded.has(candidate.id))
    .map((candidate) => ({ value: candidate.id, label: candidate.name }));
  const heads = users.filter((user) => user.active).map((user) => ({ value: user.id, label: user.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(CreateDepartmentBody, { name, parentId, headId });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const onSuccess = () => {
      notifySuccess(t(department ? 'departments.updated' : 'departments.created'));
      onClose();
    };
    if (department)
      updateDepartment.mutate({ id: department.id, body: result.data }, { onSuccess, onError: handleError });
    else createDepartment.mutate(result.data, { onSuccess, onError: handleError });
  };

  return (
    <Modal opened onClose={onClose} title={t(department ? 'departments.edit' : 'departments.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('departments.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          <Select
            label={t('departments.parent')}
            value={parentId}
            onChange={setParentId}
            data={parents}
            error={errors.parentId}
            placeholder={t('common.none')}
            clearable
            searchable
          />
          <Select
            label={t('departments.head')}
            value={headId}
            onChange={setHeadId}
            data={heads}
            error={errors.headId}
            placeholder={t('departments.noHead')}
            clearable
            searchable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createDepartment.isPending || updateDepartment.isPending}>
              {department ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
