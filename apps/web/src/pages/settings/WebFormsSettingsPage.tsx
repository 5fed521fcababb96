import { Modal, Paper, Stack, Text, Title } from '@mantine/core';
import type { WebForm } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateWebForm,
  useDeleteWebForm,
  useUpdateWebForm,
  useWebForms,
} from '../../features/web-forms/api';
import { WebFormEditor } from '../../features/web-forms/components/WebFormEditor';
import { WebFormsTable } from '../../features/web-forms/components/WebFormsTable';
import { LoadError } from '../../ui/LoadError';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';

/** Website forms: each request a visitor sends becomes a lead with a task to call back at once. */
export function WebFormsSettingsPage() {
  const { t } = useTranslation();
  const forms = useWebForms();
  const createForm = useCreateWebForm();
  const updateForm = useUpdateWebForm();
  const deleteForm = useDeleteWebForm();
  const [editing, setEditing] = useState<WebForm | null>(null);

  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={4}>{t('webForms.new')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('webForms.intro')}
        </Text>
        <WebFormEditor
          saving={createForm.isPending}
          onSave={(body, done, failed) =>
            createForm.mutate(body, {
              onSuccess: () => {
                done();
                notifySuccess(t('webForms.created'));
              },
              onError: failed,
            })
          }
        />
      </Paper>
      <Title order={4}>{t('webForms.list')}</Title>
      {forms.isPending ? <PageLoader /> : null}
      {forms.isError ? <LoadError error={forms.error} onRetry={() => void forms.refetch()} /> : null}
      {forms.data ? (
        <Paper withBorder>
          <WebFormsTable
            forms={forms.data}
            onToggle={(form, enabled) =>
              updateForm.mutate({ id: form.id, enabled }, { onError: notifyError })
            }
            onEdit={setEditing}
            onDelete={(form) =>
              deleteForm.mutate(form.id, {
                onSuccess: () => notifySuccess(t('webForms.deleted')),
                onError: notifyError,
              })
            }
          />
        </Paper>
      ) : null}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.name} size="xl">
        {editing ? (
          <WebFormEditor
            form={editing}
            saving={updateForm.isPending}
            onSave={(body, done, failed) =>
              updateForm.mutate(
                { id: editing.id, ...body },
                {
                  onSuccess: () => {
                    done();
                    setEditing(null);
                    notifySuccess(t('common.saved'));
                  },
                  onError: failed,
                },
              )
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
