import { Button, FileInput, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFieldErrors } from '../../../ui/use-field-errors';
import { useCreateProcess } from '../api';
import { readBpmnFile } from '../bpmn-file';

/** What the new process starts from (a template has its own gallery). */
export type CreateSource = 'empty' | 'import';

type Props = {
  source: CreateSource;
  opened: boolean;
  onClose: () => void;
};

/** A new process: empty, or imported from a .bpmn file; it opens in the designer. */
export function CreateProcessModal({ source, opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProcess();
  const { errors, setErrors, handleError, clearError } = useFieldErrors();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [xml, setXml] = useState<string | null>(null);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setXml(null);
    clearError('xml');
    if (!chosen) return;
    const read = readBpmnFile(await chosen.text(), chosen.name);
    if (!read) {
      setErrors({ xml: t('processes.create.fileUnreadable') });
      return;
    }
    setXml(read.xml);
    if (!name.trim()) setName(read.name);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    if (source === 'import' && !file) {
      setErrors({ xml: t('validation.required') });
      return;
    }
    if (file && !xml) return;
    create.mutate(
      {
        name: name.trim(),
        ...(description.trim() && { description: description.trim() }),
        ...(xml && { xml }),
      },
      {
        onSuccess: (definition) => {
          onClose();
          navigate(`/processes/${definition.id}`);
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={source === 'import' ? t('processes.create.importTitle') : t('processes.create.title')}
    >
      <form onSubmit={submit} data-testid="create-process-form" noValidate>
        <Stack gap="sm">
          {source === 'import' ? (
            <FileInput
              label={t('processes.create.file')}
              description={t('processes.create.fileHint')}
              accept=".bpmn,.xml,application/xml,text/xml"
              leftSection={<IconFileImport size={16} />}
              required
              clearable
              value={file}
              onChange={(chosen) => void chooseFile(chosen)}
              error={errors.xml}
              data-testid="create-process-file"
            />
          ) : null}
          <TextInput
            label={t('processes.create.name')}
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearError('name');
            }}
            error={errors.name}
            data-autofocus={source === 'empty' || undefined}
          />
          <Textarea
            label={t('processes.create.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-process-submit">
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
