import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { feelProblem } from '../bpmn/feel-problems';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  /** A different check than plain FEEL (timers also take ISO-8601 literals). */
  check?: (value: string) => string | null;
  testId?: string;
};

/** A FEEL expression, with its syntax error shown while typing. */
export function FeelInput({ label, value, onChange, description, check = feelProblem, testId }: Props) {
  const { t } = useTranslation();
  const problem = check(value);
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={problem ? t('processes.panel.feelError', { message: problem }) : undefined}
      autosize
      minRows={1}
      maxRows={6}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid={testId}
    />
  );
}
