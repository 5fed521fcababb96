import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { useUserNames } from '../../users/api';
import { useDealStages } from '../api';

type Props = {
  dealId: string;
};

/** How long a duration reads: "3 d 4 h", "5 h 10 min", "12 min". */
function formatDuration(ms: number, units: { d: string; h: string; min: string }): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} ${units.d} ${hours} ${units.h}`;
  if (hours > 0) return `${hours} ${units.h} ${minutes % 60} ${units.min}`;
  return `${minutes} ${units.min}`;
}

/** When the deal entered and left each stage, who moved it and any override comment. */
export function StageHistory({ dealId }: Props) {
  const { t } = useTranslation();
  const stages = useDealStages(dealId);
  const users = useUserNames();
  const units = { d: t('deals.units.d'), h: t('deals.units.h'), min: t('deals.units.min') };

  if (stages.isPending) return <PageLoader />;
  if (stages.isError) return <LoadError error={stages.error} onRetry={() => void stages.refetch()} />;

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} data-testid="stage-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deals.fields.stageId')}</Table.Th>
            <Table.Th>{t('deals.stageHistory.entered')}</Table.Th>
            <Table.Th>{t('deals.stageHistory.duration')}</Table.Th>
            <Table.Th>{t('deals.stageHistory.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.data.map((visit) => (
            <Table.Tr key={`${visit.stageId}:${visit.enteredAt}`}>
              <Table.Td>
                <Text size="sm" fw={visit.exitedAt ? 400 : 600}>
                  {visit.stageName}
                </Text>
                {visit.overrideComment ? (
                  <Text size="xs" c="orange">
                    {t('deals.stageHistory.override', { comment: visit.overrideComment })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(visit.enteredAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDuration(
                  new Date(visit.exitedAt ?? Date.now()).getTime() - new Date(visit.enteredAt).getTime(),
                  units,
                )}
              </Table.Td>
              <Table.Td>{visit.actorId ? (users.get(visit.actorId) ?? '') : t('history.system')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
