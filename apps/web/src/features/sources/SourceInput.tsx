import { Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nameSource, sourceFromText, sourceOptions } from '../../ui/sources';
import { useReportFilterValues } from '../reports/api';

type Props = {
  label: string;
  description?: string;
  /** The stored source: a system code such as "event", or a person's own text. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly?: boolean;
  testId?: string;
};

/**
 * A lead's or deal's source: shown and offered by name in the UI language, stored as the system's
 * code when a person picks one of its sources, and as typed otherwise.
 */
export function SourceInput({ label, description, value, onChange, error, readOnly = false, testId }: Props) {
  const { t } = useTranslation();
  const known = useReportFilterValues();
  return (
    <Autocomplete
      label={label}
      description={description}
      value={nameSource(t, value)}
      onChange={(text) => onChange(sourceFromText(t, text))}
      data={sourceOptions(t, known.data?.sources ?? [])}
      error={error}
      readOnly={readOnly}
      autoComplete="off"
      data-testid={testId}
    />
  );
}
