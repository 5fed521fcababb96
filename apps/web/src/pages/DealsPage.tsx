import { Group, SegmentedControl, Select } from '@mantine/core';
import { IconLayoutKanban, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DealsBoard } from '../features/deals/components/DealsBoard';
import { DealsListView } from '../features/deals/components/DealsListView';
import { usePipelines } from '../features/pipelines/api';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

type Mode = 'board' | 'table';

/** Deals as a kanban of one pipeline or as a filterable table; `?pipeline=` and `?view=` keep the choice. */
export function DealsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const mode: Mode = params.get('view') === 'table' ? 'table' : 'board';
  const list = pipelines.data ?? [];
  const pipeline =
    list.find((item) => item.id === params.get('pipeline')) ??
    list.find((item) => item.kind === 'sales') ??
    list[0] ??
    null;

  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        actions={
          <Group gap="sm">
            <Select
              aria-label={t('deals.pipeline')}
              data={list.map((item) => ({ value: item.id, label: item.name }))}
              value={pipeline?.id ?? null}
              onChange={(value) => value && setParam('pipeline', value)}
              allowDeselect={false}
              w={220}
              data-testid="pipeline-switcher"
            />
            <SegmentedControl
              value={mode}
              onChange={(value) => setParam('view', value)}
              data={[
                {
                  value: 'board',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconLayoutKanban size={16} />
                      {t('deals.board')}
                    </Group>
                  ),
                },
                {
                  value: 'table',
                  label: (
                    <Group gap={6} wrap="nowrap">
                      <IconTable size={16} />
                      {t('deals.table')}
                    </Group>
                  ),
                },
              ]}
              data-testid="deals-mode"
            />
          </Group>
        }
      />
      {pipelines.isPending ? <PageLoader /> : null}
      {pipelines.isError ? (
        <LoadError error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : null}
      {pipeline && mode === 'board' ? <DealsBoard key={pipeline.id} pipeline={pipeline} /> : null}
      {pipeline && mode === 'table' ? <DealsListView key={pipeline.id} pipeline={pipeline} /> : null}
    </>
  );
}
