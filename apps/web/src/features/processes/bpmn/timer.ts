import type { BusinessObject, ModdleFactory } from './business-object';

export const timerKinds = ['duration', 'date', 'cycle'] as const;
export type TimerKind = (typeof timerKinds)[number];

/** An ISO-8601 literal (`PT4H`, `2025-05-01T09:00:00Z`, `R3/PT1H`) or FEEL (`=duration("P1D")`). */
export type TimerSettings = { kind: TimerKind; value: string };

const properties = { duration: 'timeDuration', date: 'timeDate', cycle: 'timeCycle' } as const;

/** The event's timer definition, when it is a timer event. */
export function timerDefinition(event: BusinessObject): BusinessObject | undefined {
  return event.eventDefinitions?.find((definition) => definition.$type === 'bpmn:TimerEventDefinition');
}

export function readTimer(definition: BusinessObject): TimerSettings {
  for (const kind of timerKinds) {
    const expression = definition[properties[kind]];
    if (expression) return { kind, value: expression.body ?? '' };
  }
  return { kind: 'duration', value: '' };
}

/**
 * The three time properties of a timer definition for these settings: the chosen one set (even when
 * still empty, so that the kind is kept), the others cleared (a timer has exactly one).
 *
 * @example modeling.updateModdleProperties(shape, definition, writeTimer(moddle, { kind: 'duration', value: 'PT4H' }))
 */
export function writeTimer(moddle: ModdleFactory, settings: TimerSettings): Record<string, unknown> {
  return {
    timeDuration: undefined,
    timeDate: undefined,
    timeCycle: undefined,
    [properties[settings.kind]]: moddle.create('bpmn:FormalExpression', { body: settings.value.trim() }),
  };
}
