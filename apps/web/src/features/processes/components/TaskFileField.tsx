import { ActionIcon, Anchor, FileButton, Group, Input, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFile, IconUpload, IconX } from '@tabler/icons-react';
import { fileUrl, isStoredFile, maxFileBytes, type StoredFile } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../api/client';
import { formatFileSize } from '../../../ui/format';
import type { FormValue } from '../task-form';

type Props = {
  label: string;
  required: boolean;
  error: string | undefined;
  disabled: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
  testId: string;
};

/**
 * A task's file field: a file uploaded from the computer (stored by the server at once, sent with the
 * form as a reference), or a link to a file kept elsewhere. A chosen file shows as a download link.
 */
export function TaskFileField({ label, required, error, disabled, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const file = isStoredFile(value) ? value : null;

  const upload = async (chosen: File | null) => {
    if (!chosen) return;
    setUploadError(null);
    if (chosen.size > maxFileBytes) {
      setUploadError(t('processes.tasks.fileTooLarge', { mb: maxFileBytes / 1024 / 1024 }));
      return;
    }
    setUploading(true);
    try {
      onChange(await api.upload<StoredFile>(`/files?name=${encodeURIComponent(chosen.name)}`, chosen));
    } catch (cause) {
      setUploadError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Input.Wrapper label={label} withAsterisk={required} error={uploadError ?? error} data-testid={testId}>
      <Stack gap={6} mt={4}>
        {file ? (
          <Group gap="xs" wrap="nowrap">
            <IconFile size={18} />
            <Anchor href={fileUrl(file.id)} download={file.name} size="sm" data-testid={`${testId}-file`}>
              {file.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatFileSize(file.size)}
            </Text>
            {disabled ? null : (
              <Tooltip label={t('processes.tasks.removeFile')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('processes.tasks.removeFile')}
                  onClick={() => onChange('')}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ) : disabled ? (
          typeof value === 'string' && value ? (
            <Anchor href={value} target="_blank" rel="noreferrer" size="sm">
              {value}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )
        ) : (
          <Group gap="sm" align="center" wrap="nowrap">
            <FileButton onChange={upload} disabled={uploading}>
              {(props) => (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  {...props}
                  data-testid={`${testId}-choose`}
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
                >
                  <IconUpload size={16} />
                  {uploading ? t('processes.tasks.uploading') : t('processes.tasks.chooseFile')}
                </Anchor>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">
              {t('processes.tasks.orLink')}
            </Text>
            <TextInput
              flex={1}
              type="url"
              placeholder="https://"
              aria-label={t('processes.tasks.fileHint')}
              value={typeof value === 'string' ? value : ''}
              onChange={(event) => onChange(event.currentTarget.value)}
              data-testid={`${testId}-link`}
            />
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
