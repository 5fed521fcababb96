import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { MissingRequirement } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupByStage } from '../stage-gate';

type Props = {
  dealTitle: string;
  targetStageName: string;
  missing: MissingRequirement[];
  /** A link to the deal, where the missing fields are filled; left out on the deal's own card. */
  dealId?: string;
  /** Heads of sales, admins and owners may pass a closed gate with a comment kept in the history. */
  canOverride: boolean;
  overriding: boolean;
  onOverride: (comment: string) => void;
  onClose: () => void;
};

/** Why a move was refused: every missing output by its label and the stage it belongs to. */
export function GateRefusal({
  dealTitle,
  targetStageName,
  missing,
  dealId,
  canOverride,
  overriding,
  onOverride,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [commenting, setCommenting] = useState(false);
  const [comment, setComment] = useState('');
  const tooShort = comment.trim().length < 3;

  return (
    <Alert
      color="orange"
      icon={<IconLock size={18} />}
      title={t('deals.gate.title', { deal: dealTitle, stage: targetStageName })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      data-testid="gate-refusal"
    >
      <Stack gap="xs">
        <Text size="sm">{t('deals.gate.intro')}</Text>
        <List size="sm" spacing={2}>
          {groupByStage(missing).map((group) => (
            <List.Item key={group.stageName}>
              <Text span size="sm" fw={600}>
                {group.labels.join(', ')}
              </Text>{' '}
              <Text span size="sm" c="dimmed">
                — {t('deals.gate.stageLine', { stage: group.stageName })}
              </Text>
            </List.Item>
          ))}
        </List>
        <Group gap="sm">
          {dealId ? (
            <Anchor component={Link} to={`/deals/${dealId}`} size="sm" fw={500}>
              {t('deals.gate.openDeal')}
            </Anchor>
          ) : null}
          {canOverride && !commenting ? (
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => setCommenting(true)}
              data-testid="gate-override"
            >
              {t('deals.gate.override')}
            </Button>
          ) : null}
        </Group>
        {commenting ? (
          <Stack gap={6}>
            <Textarea
              label={t('deals.gate.overrideComment')}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              autosize
              minRows={2}
              autoFocus
              data-testid="gate-override-comment"
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setCommenting(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                size="xs"
                color="orange"
                disabled={tooShort}
                loading={overriding}
                onClick={() => onOverride(comment.trim())}
                data-testid="gate-override-submit"
              >
                {t('deals.gate.overrideSubmit')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Alert>
  );
}
