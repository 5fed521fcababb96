import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { Deal, Pipeline, Stage } from '@voronka/domain';
import { useTranslation } from 'react-i18next';

type Props = {
  deal: Deal;
  pipeline: Pipeline;
  disabled: boolean;
  onSelect: (stage: Stage) => void;
};

/**
 * The pipeline's open stages as a bar: those the deal has passed are filled, the current one is
 * marked. Clicking a stage moves the deal there through the stage gate.
 */
export function StageProgress({ deal, pipeline, disabled, onSelect }: Props) {
  const { t } = useTranslation();
  const current = pipeline.stages.find((stage) => stage.id === deal.stageId);
  const open = pipeline.stages.filter((stage) => stage.kind === 'open');
  const closedColor = current?.kind === 'won' ? 'teal' : current?.kind === 'lost' ? 'red' : null;

  return (
    <Group gap={3} wrap="nowrap" data-testid="stage-progress" style={{ overflowX: 'auto' }}>
      {open.map((stage) => {
        const passed = closedColor !== null || (current !== undefined && stage.position <= current.position);
        const isCurrent = stage.id === deal.stageId;
        const color = closedColor ?? 'indigo';
        return (
          <Tooltip
            key={stage.id}
            label={isCurrent ? t('deals.currentStage', { stage: stage.name }) : stage.name}
          >
            <UnstyledButton
              onClick={() => onSelect(stage)}
              disabled={disabled || isCurrent}
              aria-current={isCurrent ? 'step' : undefined}
              data-testid="stage-step"
              data-stage-name={stage.name}
              style={{
                flex: '1 1 0',
                minWidth: 72,
                height: 40,
                padding: '0 6px',
                borderRadius: 4,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                background: passed
                  ? `var(--mantine-color-${color}-${isCurrent ? 7 : 5})`
                  : 'var(--mantine-color-default-hover)',
                color: passed ? 'white' : 'var(--mantine-color-dimmed)',
                cursor: disabled || isCurrent ? 'default' : 'pointer',
              }}
            >
              <Text fz={11} fw={isCurrent ? 700 : 500} lh={1.2} ta="center" lineClamp={2} inherit>
                {stage.name}
              </Text>
            </UnstyledButton>
          </Tooltip>
        );
      })}
    </Group>
  );
}
