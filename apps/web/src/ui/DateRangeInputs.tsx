import { TextInput } from '@mantine/core';

type Props = {
  from: string;
  to: string;
  /** Called with the end that changed; a cleared input changes nothing (a period always has both). */
  onChange: (change: { from?: string; to?: string }) => void;
  labels: { from: string; to: string };
  /** The inputs are `${testId}-from` and `${testId}-to`. */
  testId: string;
};

/** A period's first and last day as two date inputs, for a filter row (reports, dashboard, plans, finance). */
export function DateRangeInputs({ from, to, onChange, labels, testId }: Props) {
  return (
    <>
      <TextInput
        type="date"
        label={labels.from}
        value={from}
        onChange={(event) => event.currentTarget.value && onChange({ from: event.currentTarget.value })}
        w={160}
        data-testid={`${testId}-from`}
      />
      <TextInput
        type="date"
        label={labels.to}
        value={to}
        onChange={(event) => event.currentTarget.value && onChange({ to: event.currentTarget.value })}
        w={160}
        data-testid={`${testId}-to`}
      />
    </>
  );
}
