import { ActionIcon, Badge, Button, Code, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { CustomField, CustomFieldEntity } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useDeleteCustomField } from '../../features/custom-fields/api';
import { CustomFieldFormModal } from '../../features/custom-fields/components/CustomFieldFormModal';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';

const entities: CustomFieldEntity[] = ['deal', 'lead', 'contact', 'company'];

/** Extra fields for deals, leads, contacts and companies; they show in those records' cards and forms. */
export function CustomFieldsSettingsPage() {
  const { t } = useTranslation();
  const fields = useCustomFields();
  const deleteField = useDeleteCustomField();
  const [entity, setEntity] = useState<CustomFieldEntity>('deal');
  const [editing, setEditing] = useState<CustomField | { entity: CustomFieldEntity } | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const shown = (fields.data ?? []).filter((field) => field.entity === entity);

  return (
    <>
      <Group justify="space-between" mb="md">
        <SegmentedControl
          value={entity}
          onChange={(value) => setEntity(value as CustomFieldEntity)}
          data={entities.map((item) => ({ value: item, label: t(`customFields.entities.${item}`) }))}
        />
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ entity })}
          data-testid="new-custom-field"
        >
          {t('customFields.new')}
        </Button>
      </Group>
      <Paper withBorder>
        {fields.isPending ? <PageLoader /> : null}
        {fields.isError ? <LoadError error={fields.error} onRetry={() => void fields.refetch()} /> : null}
        {fields.data && shown.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('customFields.empty')}
          </Text>
        ) : null}
        {shown.length > 0 ? (
          <Table verticalSpacing="sm" data-testid="custom-fields-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customFields.label')}</Table.Th>
                <Table.Th>{t('customFields.key')}</Table.Th>
                <Table.Th>{t('customFields.type')}</Table.Th>
                <Table.Th>{t('customFields.options')}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((field) => (
                <Table.Tr key={field.id}>
                  <Table.Td>{field.label}</Table.Td>
                  <Table.Td>
                    <Code>{field.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" styles={{ root: { textTransform: 'none' } }}>
                      {t(`customFields.types.${field.type}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {field.options.join(', ') || t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(field)}
                        aria-label={t('common.edit')}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(field)}
                        aria-label={t('common.delete')}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      <CustomFieldFormModal
        key={editing === null ? 'closed' : 'id' in editing ? editing.id : `new-${editing.entity}`}
        editing={editing}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        question={deleting ? t('customFields.deleteConfirm', { label: deleting.label }) : null}
        confirmLabel={t('common.delete')}
        loading={deleteField.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          deleteField.mutate(deleting.id, {
            onSuccess: () => notifySuccess(t('customFields.deleted')),
            onError: notifyError,
            onSettled: () => setDeleting(null),
          })
        }
      />
    </>
  );
}
