import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type RecordEntity, recordPath } from '../../../app/record-path';
import { useDeal } from '../../deals/api';
import { useLead } from '../../leads/api';

type Props = {
  entity: string;
  recordId: string;
  size?: 'xs' | 'sm';
};

const entities: readonly string[] = ['lead', 'deal', 'contact', 'company'];

/**
 * A link to the record a process runs on, by its title where the record is a deal or a lead (process
 * tasks and instances carry only the record's id), else by its kind.
 */
export function RecordLink({ entity, recordId, size = 'sm' }: Props) {
  if (!entities.includes(entity)) return null;
  const kind = entity as RecordEntity;
  if (kind === 'deal') return <DealLink recordId={recordId} size={size} />;
  if (kind === 'lead') return <LeadLink recordId={recordId} size={size} />;
  return <Titled entity={kind} recordId={recordId} size={size} title={undefined} />;
}

function DealLink({ recordId, size }: { recordId: string; size: Props['size'] }) {
  const deal = useDeal(recordId);
  return <Titled entity="deal" recordId={recordId} size={size} title={deal.data?.title} />;
}

function LeadLink({ recordId, size }: { recordId: string; size: Props['size'] }) {
  const lead = useLead(recordId);
  return <Titled entity="lead" recordId={recordId} size={size} title={lead.data?.title} />;
}

type TitledProps = { entity: RecordEntity; recordId: string; size: Props['size']; title: string | undefined };

function Titled({ entity, recordId, size, title }: TitledProps) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={recordPath(entity, recordId)}
      size={size}
      onClick={(event) => event.stopPropagation()}
      data-testid="record-link"
    >
      {t(`entities.${entity}`)}
      {title ? `: ${title}` : ''}
    </Anchor>
  );
}
