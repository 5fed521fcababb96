import { Button, Grid, NavLink, Paper, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../features/pipelines/api';
import { PipelineEditor } from '../../features/pipelines/components/PipelineEditor';
import { LoadError } from '../../ui/LoadError';
import { PageLoader } from '../../ui/PageLoader';

/** Pipelines on the left; the chosen one's stages and regulations on the right. */
export function PipelinesSettingsPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  // `null` until something is chosen (then the first pipeline), 'new' while creating one.
  const [selected, setSelected] = useState<string | null>(null);

  if (pipelines.isPending) return <PageLoader />;
  if (pipelines.isError)
    return <LoadError error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  const current =
    selected === 'new'
      ? null
      : (pipelines.data.find((item) => item.id === selected) ?? pipelines.data[0] ?? null);
  const editingNew = selected === 'new' || current === null;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Paper withBorder p="xs">
          <Stack gap={2}>
            {pipelines.data.map((pipeline) => (
              <NavLink
                key={pipeline.id}
                label={pipeline.name}
                description={t(`pipelines.pipelineKinds.${pipeline.kind}`)}
                active={!editingNew && current?.id === pipeline.id}
                onClick={() => setSelected(pipeline.id)}
                data-testid="pipeline-item"
              />
            ))}
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              onClick={() => setSelected('new')}
              mt="xs"
            >
              {t('pipelines.new')}
            </Button>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <PipelineEditor
          // A saved pipeline comes back with ids for its new stages: the editor starts again from it.
          key={
            editingNew
              ? 'new'
              : `${current?.id}:${current?.name}:${current?.stages.map((stage) => stage.id).join()}`
          }
          pipeline={editingNew ? null : current}
          onSaved={(saved) => setSelected(saved.id)}
          onDeleted={() => setSelected(null)}
        />
      </Grid.Col>
    </Grid>
  );
}
