import { Divider, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DesignerServices, DiagramElement } from '../bpmn/diagram';
import { isDefaultFlow, readCondition, writeCondition } from '../bpmn/flow';
import { FeelInput } from './FeelInput';

type Props = {
  services: DesignerServices;
  /** A sequence flow out of an exclusive or inclusive gateway. */
  element: DiagramElement;
};

/** A gateway's outgoing flow: its FEEL condition, or the default taken when no condition holds. */
export function FlowSection({ services, element }: Props) {
  const { t } = useTranslation();
  const flow = element.businessObject;
  const isDefault = isDefaultFlow(flow);

  return (
    <Stack gap="sm">
      <Divider label={t('processes.panel.condition')} labelPosition="left" />
      <Switch
        label={t('processes.panel.defaultFlow')}
        checked={isDefault}
        onChange={(event) => {
          if (!element.source) return;
          const makeDefault = event.currentTarget.checked;
          if (makeDefault && flow.conditionExpression)
            services.modeling.updateProperties(element, { conditionExpression: undefined });
          services.modeling.updateProperties(element.source, { default: makeDefault ? flow : undefined });
        }}
        data-testid="panel-default-flow"
      />
      {isDefault ? null : (
        <FeelInput
          label={t('processes.panel.condition')}
          description={t('processes.panel.conditionHint')}
          value={readCondition(flow)}
          onChange={(condition) =>
            services.modeling.updateProperties(element, {
              conditionExpression: writeCondition(services.moddle, condition),
            })
          }
          testId="panel-condition"
        />
      )}
    </Stack>
  );
}
