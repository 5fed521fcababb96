import { Button, Checkbox, Menu } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type Props = {
  options: { value: string; label: string }[];
  value: string[];
  onChange: (columns: string[]) => void;
};

/** Which columns a table shows; the order stays that of the options. */
export function ColumnPicker({ options, value, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (column: string) => {
    const next = value.includes(column) ? value.filter((item) => item !== column) : [...value, column];
    onChange(options.map((option) => option.value).filter((item) => next.includes(item)));
  };
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />} data-testid="column-picker">
          {t('views.columns')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {options.map((option) => (
          <Menu.Item key={option.value} onClick={() => toggle(option.value)}>
            <Checkbox
              label={option.label}
              checked={value.includes(option.value)}
              onChange={() => toggle(option.value)}
              size="xs"
              styles={{ input: { cursor: 'pointer' }, label: { cursor: 'pointer' } }}
              onClick={(event) => event.stopPropagation()}
            />
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
