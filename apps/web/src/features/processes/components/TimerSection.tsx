import { Divider, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BusinessObject } from '../bpmn/business-object';
import type { DesignerServices, DiagramElement } from '../bpmn/diagram';
import { timerProblem } from '../bpmn/feel-problems';
import { readTimer, type TimerKind, timerKinds, writeTimer } from '../bpmn/timer';
import { FeelInput } from './FeelInput';

type Props = {
  services: DesignerServices;
  element: DiagramElement;
  definition: BusinessObject;
};

/** A timer event: after a duration, at a date, or repeatedly; ISO-8601 or FEEL. */
export function TimerSection({ services, element, definition }: Props) {
  const { t } = useTranslation();
  const timer = readTimer(definition);
  const update = (kind: TimerKind, value: string) =>
    services.modeling.updateModdleProperties(
      element,
      definition,
      writeTimer(services.moddle, { kind, value }),
    );

  return (
    <Stack gap="sm">
      <Divider label={t('processes.panel.timer')} labelPosition="left" />
      <SegmentedControl
        size="xs"
        value={timer.kind}
        onChange={(kind) => update(kind as TimerKind, timer.value)}
        data={timerKinds.map((kind) => ({ value: kind, label: t(`processes.panel.timerKinds.${kind}`) }))}
      />
      <FeelInput
        label={t('processes.panel.timerValue')}
        description={t('processes.panel.timerHint')}
        value={timer.value}
        onChange={(value) => update(timer.kind, value)}
        check={(value) => timerProblem(timer.kind, value)}
        testId="panel-timer"
      />
    </Stack>
  );
}
