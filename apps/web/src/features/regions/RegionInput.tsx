import { Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReportFilterValues } from '../reports/api';

type Props = {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  readOnly?: boolean;
  testId?: string;
};

/** A client's region: any text, with the regions already in use offered so that one region is one name. */
export function RegionInput({ value, onChange, error, readOnly = false, testId }: Props) {
  const { t } = useTranslation();
  const known = useReportFilterValues();
  return (
    <Autocomplete
      label={t('common.region')}
      value={value}
      onChange={onChange}
      data={known.data?.regions ?? []}
      error={error}
      readOnly={readOnly}
      autoComplete="off"
      data-testid={testId}
    />
  );
}
