import { SimpleGrid } from '@mantine/core';
import type { AttentionItem } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { RecordsDrawer } from '../../reports/components/RecordsDrawer';
import { formatCount } from '../../reports/format-cell';
import { useAttention, useAttentionDrill } from '../api';
import { Metric } from './Metric';

type Props = {
  title: string;
  /** The numbers to show, in order. */
  items: readonly AttentionItem[];
  managerId: string | null;
};

/** Numbers that are bad when above zero: red then. */
const alarming: readonly AttentionItem[] = ['tasksOverdue', 'dealsWithoutNextStep', 'dealsStuck'];

/** Follow-ups due and deals that need a next step, counted now; each number opens its records. */
export function AttentionWidget({ title, items, managerId }: Props) {
  const { t } = useTranslation();
  const scope = { managerId };
  const attention = useAttention(scope);
  const [item, setItem] = useState<AttentionItem | null>(null);
  const drill = useAttentionDrill(scope, item);
  const counts = attention.data?.counts;
  const over = attention.data?.over ?? [];
  const stuckDays = attention.data?.stuckDays ?? 14;

  return (
    <Section title={title} testId="widget-attention">
      {attention.isPending ? <PageLoader /> : null}
      {attention.isError ? (
        <LoadError error={attention.error} onRetry={() => void attention.refetch()} />
      ) : null}
      {counts ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: items.length }} spacing="sm">
          {items.map((key) => {
            const count = counts[key];
            return (
              <Metric
                key={key}
                label={t(`dashboard.attention.${key}`)}
                value={formatCount(count, over.includes(key))}
                raw={count}
                hint={t(`dashboard.attention.${key}Hint`, { days: stuckDays })}
                color={alarming.includes(key) && count > 0 ? 'red' : undefined}
                onDrill={count > 0 ? () => setItem(key) : undefined}
                testId={`attention-${key}`}
              />
            );
          })}
        </SimpleGrid>
      ) : null}
      <RecordsDrawer
        opened={item !== null}
        onClose={() => setItem(null)}
        title={item ? t(`dashboard.attention.${item}`) : ''}
        records={drill}
      />
    </Section>
  );
}
