import { Anchor, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../../ui/LoadError';
import { Section } from '../../../ui/Section';
import { formatReportCell } from '../../reports/format-cell';
import { useDuplicateGroups } from '../api';
import { Metric } from './Metric';

/** The duplicates endpoint answers at most this many groups; more shows as "500+". */
const limit = 500;

function DuplicatesMetric({ entity }: { entity: 'contacts' | 'companies' }) {
  const { t } = useTranslation();
  const groups = useDuplicateGroups(entity, limit);
  if (groups.isError) return <LoadError error={groups.error} onRetry={() => void groups.refetch()} />;
  const count = groups.data;
  return (
    <Metric
      label={t(`dashboard.duplicates.${entity}`)}
      value={count === undefined ? '…' : `${formatReportCell(count, 'integer')}${count >= limit ? '+' : ''}`}
      raw={count ?? null}
      hint={
        <Anchor component={Link} to={`/${entity}/duplicates`} size="xs">
          {t('dashboard.duplicates.open')}
        </Anchor>
      }
      testId={`duplicates-${entity}`}
    />
  );
}

/** How many groups of contacts and companies share a phone, email or INN, with the way to merge them. */
export function DuplicatesWidget() {
  const { t } = useTranslation();
  return (
    <Section title={t('dashboard.duplicates.title')} testId="widget-duplicates">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DuplicatesMetric entity="contacts" />
        <DuplicatesMetric entity="companies" />
      </SimpleGrid>
    </Section>
  );
}
