import { ActionIcon, Button, Divider, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ProcessAction, processActions } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { type ActionSettings, paramsForAction, readAction, writeAction } from '../bpmn/action';
import type { DesignerServices, DiagramElement } from '../bpmn/diagram';
import { messageKey } from '../message-key';
import { FeelInput } from './FeelInput';

type Props = {
  services: DesignerServices;
  element: DiagramElement;
};

/** A service or send task: the action it runs and its parameters as FEEL. */
export function ActionSection({ services, element }: Props) {
  const { t } = useTranslation();
  const task = element.businessObject;
  const settings = readAction(task);
  // Actions the engine gained after these texts were written show by their name.
  const labels: Record<string, string> = t('processes.panel.actions', { returnObjects: true });
  const update = (next: Partial<ActionSettings>) =>
    services.modeling.updateProperties(element, {
      extensionElements: writeAction(services.moddle, task, { ...settings, ...next }),
    });
  const setParam = (index: number, change: Partial<ActionSettings['params'][number]>) =>
    update({ params: settings.params.map((param, at) => (at === index ? { ...param, ...change } : param)) });

  return (
    <Stack gap="sm">
      <Divider label={t('processes.panel.action')} labelPosition="left" />
      <Select
        label={t('processes.panel.action')}
        placeholder={t('processes.panel.chooseAction')}
        value={settings.name || null}
        data={processActions.map((action) => ({
          value: action,
          label: labels[messageKey(action)] ?? action,
        }))}
        onChange={(name) =>
          update({
            name: (name ?? '') as ProcessAction | '',
            params: name ? paramsForAction(name as ProcessAction, settings.params) : settings.params,
          })
        }
        data-testid="panel-action"
      />
      {settings.name ? (
        <>
          <Divider label={t('processes.panel.params')} labelPosition="left" />
          {settings.params.map((param, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parameters are edited in place, names included
            <Paper key={index} withBorder p="xs" radius="sm">
              <Stack gap={4}>
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    size="xs"
                    style={{ flex: 1 }}
                    label={t('processes.panel.paramName')}
                    value={param.name}
                    onChange={(event) => setParam(index, { name: event.currentTarget.value.trim() })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    onClick={() => update({ params: settings.params.filter((_, at) => at !== index) })}
                    aria-label={t('common.remove')}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
                <FeelInput
                  label={t('processes.panel.feel')}
                  value={param.expression}
                  onChange={(expression) => setParam(index, { expression })}
                />
              </Stack>
            </Paper>
          ))}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => update({ params: [...settings.params, { name: '', expression: '' }] })}
          >
            {t('processes.panel.addParam')}
          </Button>
          <TextInput
            label={t('processes.panel.resultVariable')}
            value={settings.resultVariable}
            onChange={(event) => update({ resultVariable: event.currentTarget.value })}
          />
        </>
      ) : null}
    </Stack>
  );
}
