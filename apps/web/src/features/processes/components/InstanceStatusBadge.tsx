import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstanceStatus } from '../api';

const colors: Record<InstanceStatus, string> = {
  running: 'blue',
  completed: 'teal',
  terminated: 'gray',
  failed: 'red',
  cancelled: 'gray',
};

export function InstanceStatusBadge({ status }: { status: InstanceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      tt="none"
      // A badge may shrink and cut its word; a table column gives it its full width instead.
      miw="max-content"
      color={colors[status]}
      variant="light"
      data-testid="instance-status"
      data-status={status}
    >
      {t(`processes.instances.statuses.${status}`)}
    </Badge>
  );
}
