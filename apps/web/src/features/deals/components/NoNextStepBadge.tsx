import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The warning on an open record with no open task: nobody has planned what happens next. */
export function NoNextStepBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('deals.noNextStepHint')} multiline w={220}>
      <Badge
        color="orange"
        variant="light"
        size="sm"
        leftSection={<IconAlertTriangle size={12} />}
        styles={{ root: { textTransform: 'none', flexShrink: 0 } }}
        data-testid="no-next-step"
      >
        {t('deals.noNextStep')}
      </Badge>
    </Tooltip>
  );
}
