import { Box, Progress, Text, Tooltip } from '@mantine/core';
import type { MotivationSchemeBody } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/format';
import { formatCount } from '../format';

type Props = {
  scheme: MotivationSchemeBody;
  points: number;
  forecast: number;
};

/** A label under a mark stays inside the bar: centred, or flush with the mark near either end. */
const shiftOf = (percent: number) => (percent > 80 ? '-100%' : percent < 20 ? '0' : '-50%');

/**
 * Points so far (solid) and at the pace so far (light) on a scale with a mark at every salary step and
 * at the plan.
 */
export function PointsProgress({ scheme, points, forecast }: Props) {
  const { t } = useTranslation();
  const steps = scheme.salary.filter((step) => step.from > 0);
  const scale = Math.max(scheme.planPoints, points, forecast, ...steps.map((step) => step.from), 1) * 1.1;
  const at = (value: number) => Math.min(100, (value / scale) * 100);
  const marks = [
    ...steps.map((step) => ({
      from: step.from,
      label: t('planning.motivation.stepMark', {
        points: formatCount(step.from),
        amount: formatMoney(step.amount),
      }),
      plan: step.from === scheme.planPoints,
    })),
    ...(steps.some((step) => step.from === scheme.planPoints) || scheme.planPoints <= 0
      ? []
      : [{ from: scheme.planPoints, label: t('planning.motivation.planMark'), plan: true }]),
  ];

  return (
    <Box pos="relative" pb={22} data-testid="points-progress" data-points={points}>
      <Progress.Root size={16} radius="sm">
        <Tooltip label={t('planning.motivation.soFar', { points: formatCount(points) })}>
          <Progress.Section value={at(points)} color="blue" />
        </Tooltip>
        <Tooltip label={t('planning.motivation.atPace', { points: formatCount(forecast) })}>
          <Progress.Section value={Math.max(0, at(forecast) - at(points))} color="blue.2" />
        </Tooltip>
      </Progress.Root>
      {marks.map((mark) => (
        <Box
          key={mark.from}
          pos="absolute"
          top={-3}
          left={`${at(mark.from)}%`}
          h={22}
          w={2}
          bg={mark.plan ? 'red.7' : 'dark.3'}
          data-testid="threshold-mark"
          data-from={mark.from}
        >
          <Text
            size="xs"
            c={mark.plan ? 'red.7' : 'dimmed'}
            pos="absolute"
            top={22}
            style={{ transform: `translateX(${shiftOf(at(mark.from))})`, whiteSpace: 'nowrap' }}
          >
            {mark.plan ? `${mark.label} ★` : mark.label}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
