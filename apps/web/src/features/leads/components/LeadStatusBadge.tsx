import { Badge } from '@mantine/core';
import type { LeadStatus } from '@voronka/domain';
import { useTranslation } from 'react-i18next';

type Props = {
  status: LeadStatus;
};

const colors: Record<LeadStatus, string> = {
  new: 'blue',
  in_work: 'yellow',
  qualified_mql: 'cyan',
  qualified_sql: 'teal',
  converted: 'green',
  refused: 'gray',
};

export function LeadStatusBadge({ status }: Props) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[status]}
      variant="light"
      // Badges clip their label by default, which lets a table squeeze one to "Квалифициров…".
      styles={{ root: { textTransform: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`leads.status.${status}`)}
    </Badge>
  );
}
