import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { usePipelines } from '../../pipelines/api';
import { useDealList } from '../api';
import { NoNextStepBadge } from './NoNextStepBadge';

type Props = {
  /** `{ companyId }` or `{ contactId }`. */
  filter: Record<string, string>;
};

const stageColors = { open: 'indigo', won: 'teal', lost: 'red' } as const;

/** The deals of a company or a contact, newest first, with stage and amount. */
export function RelatedDeals({ filter }: Props) {
  const { t } = useTranslation();
  const deals = useDealList({ ...filter, sort: 'updatedAt', order: 'desc' });
  const pipelines = usePipelines();
  const stages = new Map(
    (pipelines.data ?? []).flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage])),
  );

  if (deals.isPending) return <PageLoader />;
  if (deals.isError) return <LoadError error={deals.error} onRetry={() => void deals.refetch()} />;
  const items = deals.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('deals.none')}
      </Text>
    );
  }

  return (
    <Stack gap={8} data-testid="related-deals">
      {items.map((deal) => {
        const stage = stages.get(deal.stageId);
        return (
          <Group key={deal.id} justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} miw={0}>
              <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={500} truncate>
                {deal.title}
              </Anchor>
              <Group gap={6}>
                {stage ? (
                  <Badge
                    size="xs"
                    variant="light"
                    color={stageColors[stage.kind]}
                    styles={{ root: { textTransform: 'none' } }}
                  >
                    {stage.name}
                  </Badge>
                ) : null}
                {deal.noNextStep ? <NoNextStepBadge /> : null}
              </Group>
            </Stack>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(deal.amount, deal.currency)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
