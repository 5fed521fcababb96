import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type SelectAllProps = {
  /** The rows shown. */
  ids: readonly string[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
};

/** The header checkbox of a table: selects every row shown, or none. */
export function SelectAllCheckbox({ ids, selected, onSelect }: SelectAllProps) {
  const { t } = useTranslation();
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <Checkbox
      aria-label={t('common.bulk.selectAll')}
      checked={all}
      indeterminate={!all && ids.some((id) => selected.has(id))}
      onChange={() => onSelect(all ? new Set() : new Set(ids))}
      data-testid="select-all"
    />
  );
}

type SelectRowProps = {
  id: string;
  /** What the row is, for screen readers. */
  label: string;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
};

/** A row's checkbox; a click on it never reaches the row (which may open the record). */
export function SelectRowCheckbox({ id, label, selected, onSelect }: SelectRowProps) {
  const toggle = () => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelect(next);
  };
  return (
    <Checkbox
      aria-label={label}
      checked={selected.has(id)}
      onClick={(event) => event.stopPropagation()}
      onChange={toggle}
      data-testid="row-select"
    />
  );
}
