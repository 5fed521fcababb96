import { Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuilding, IconThumbDown, IconTrophy, IconUser } from '@tabler/icons-react';
import type { Deal, Pipeline, User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDeal, useDealProducts, useDeleteDeal } from '../features/deals/api';
import { DealForm } from '../features/deals/components/DealForm';
import { NoNextStepBadge } from '../features/deals/components/NoNextStepBadge';
import { ProductLinesEditor } from '../features/deals/components/ProductLinesEditor';
import { StageChangeFeedback } from '../features/deals/components/StageChangeFeedback';
import { StageHistory } from '../features/deals/components/StageHistory';
import { StageProgress } from '../features/deals/components/StageProgress';
import { useDealChangeFormat } from '../features/deals/use-deal-change-format';
import { useStageChange } from '../features/deals/use-stage-change';
import { usePipelines } from '../features/pipelines/api';
import { StartProcessMenu } from '../features/processes/components/StartProcessMenu';
import { RecordTasks } from '../features/tasks/components/RecordTasks';
import { useTimeline } from '../features/timeline/api';
import { ActivityComposer } from '../features/timeline/components/ActivityComposer';
import { RecordTimeline } from '../features/timeline/components/RecordTimeline';
import { useUsers } from '../features/users/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatCalendarDate, formatDate, formatMoney } from '../ui/format';
import { LoadError } from '../ui/LoadError';
import { notifyError, notifySuccess } from '../ui/notify';
import { PageLoader } from '../ui/PageLoader';
import { Section } from '../ui/Section';

/** The deal's card: stage bar, fields, product lines, next steps, timeline and stage history. */
export function DealPage() {
  const { dealId = '' } = useParams();
  const deal = useDeal(dealId);
  const pipelines = usePipelines();
  const users = useUsers();

  if (deal.isPending || pipelines.isPending) return <PageLoader />;
  if (deal.isError) return <LoadError error={deal.error} onRetry={() => void deal.refetch()} />;
  if (pipelines.isError)
    return <LoadError error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  const pipeline = pipelines.data.find((item) => item.id === deal.data.pipelineId);
  if (!pipeline) return <LoadError error={null} />;
  return (
    <DealCard deal={deal.data} pipeline={pipeline} pipelines={pipelines.data} users={users.data ?? []} />
  );
}

type CardProps = {
  deal: Deal;
  pipeline: Pipeline;
  pipelines: Pipeline[];
  users: User[];
};

function DealCard({ deal, pipeline, pipelines, users }: CardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flow = useStageChange();
  const products = useDealProducts(deal.id);
  const deleteDeal = useDeleteDeal();
  const timeline = useTimeline('deal', deal.id);
  const changedIds = (field: string) =>
    (timeline.data ?? []).flatMap((item) =>
      item.change?.field === field
        ? [item.change.oldValue, item.change.newValue].filter((id) => typeof id === 'string')
        : [],
    ) as string[];
  const format = useDealChangeFormat(pipelines, deal, {
    companyIds: changedIds('companyId'),
    contactIds: changedIds('contactId'),
  });
  const stage = pipeline.stages.find((item) => item.id === deal.stageId);
  const won = pipeline.stages.find((item) => item.kind === 'won');
  const lost = pipeline.stages.find((item) => item.kind === 'lost');
  const closed = stage?.kind !== 'open';
  const savedLines = products.data ?? [];

  const remove = () =>
    deleteDeal.mutate(deal.id, {
      onSuccess: () => {
        notifySuccess(t('deals.deleted'));
        navigate('/deals');
      },
      onError: notifyError,
    });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/deals?pipeline=${pipeline.id}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {pipeline.name}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="deal-title">
            {deal.title}
          </Title>
          <Group gap="sm">
            <Text fw={700} size="lg" c="indigo" data-testid="deal-card-amount">
              {formatMoney(deal.amount, deal.currency)}
            </Text>
            {stage ? (
              <Badge
                variant="light"
                color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'red' : 'indigo'}
                styles={{ root: { textTransform: 'none' } }}
                data-testid="deal-stage"
              >
                {stage.name}
              </Badge>
            ) : null}
            {/* A closed deal says when it closed; the date it was expected by no longer matters. */}
            {deal.closedAt ? (
              <Text size="sm" c="dimmed" data-testid="deal-closed-on">
                {t('deals.closedOn', { date: formatDate(deal.closedAt) })}
              </Text>
            ) : deal.expectedCloseDate ? (
              <Text size="sm" c="dimmed">
                {t('deals.closeBy', { date: formatCalendarDate(deal.expectedCloseDate) })}
              </Text>
            ) : null}
            {deal.noNextStep ? <NoNextStepBadge /> : null}
          </Group>
          {deal.companyName || deal.contactName ? (
            <Group gap="md" data-testid="deal-client">
              {deal.companyId && deal.companyName ? (
                <Anchor component={Link} to={`/companies/${deal.companyId}`} size="sm">
                  <Group gap={4} wrap="nowrap">
                    <IconBuilding size={14} />
                    {deal.companyName}
                  </Group>
                </Anchor>
              ) : null}
              {deal.contactId && deal.contactName ? (
                <Anchor component={Link} to={`/contacts/${deal.contactId}`} size="sm">
                  <Group gap={4} wrap="nowrap">
                    <IconUser size={14} />
                    {deal.contactName}
                  </Group>
                </Anchor>
              ) : null}
            </Group>
          ) : null}
          {stage?.kind === 'lost' && deal.lostReason ? (
            <Text size="sm" c="red">
              {t('deals.lostBecause', { reason: deal.lostReason })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          <StartProcessMenu entity="deal" recordId={deal.id} />
          {!closed && won ? (
            <Button
              color="teal"
              leftSection={<IconTrophy size={16} />}
              onClick={() => flow.request(deal, won)}
              loading={flow.pending}
              data-testid="deal-win"
            >
              {t('deals.win')}
            </Button>
          ) : null}
          {!closed && lost ? (
            <Button
              color="red"
              variant="light"
              leftSection={<IconThumbDown size={16} />}
              onClick={() => flow.request(deal, lost)}
              data-testid="deal-lose"
            >
              {t('deals.lose')}
            </Button>
          ) : null}
          <ConfirmButton
            question={t('deals.deleteConfirm')}
            onConfirm={remove}
            loading={deleteDeal.isPending}
          >
            {t('common.delete')}
          </ConfirmButton>
        </Group>
      </Group>
      <StageProgress
        deal={deal}
        pipeline={pipeline}
        disabled={flow.pending}
        onSelect={(target) => flow.request(deal, target)}
      />
      <StageChangeFeedback flow={flow} linkToDeal={false} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Section title={t('deals.sections.details')}>
              <DealForm
                key={deal.updatedAt}
                deal={deal}
                users={users}
                amountFromProducts={savedLines.length > 0}
              />
            </Section>
            <Section title={t('deals.sections.products')}>
              {products.data ? (
                <ProductLinesEditor
                  key={savedLines.map((line) => line.id).join()}
                  deal={deal}
                  saved={savedLines}
                />
              ) : (
                <PageLoader />
              )}
            </Section>
            <Section title={t('deals.sections.stages')}>
              <StageHistory dealId={deal.id} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Section title={t('deals.sections.nextSteps')} testId="deal-tasks">
              <RecordTasks entity="deal" recordId={deal.id} users={users} />
            </Section>
            <Section title={t('deals.sections.timeline')}>
              <Stack gap="md">
                <ActivityComposer entity="deal" recordId={deal.id} users={users} />
                <RecordTimeline entity="deal" recordId={deal.id} users={users} {...format} />
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
