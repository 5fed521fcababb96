import { Anchor, Group, Table, Text } from '@mantine/core';
import { formatPhone } from '@voronka/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PersonName } from '../../../ui/PersonName';
import { SelectAllCheckbox, SelectRowCheckbox } from '../../../ui/RowSelection';

type Party = { id: string; name: string; phones: string[]; emails: string[]; responsibleId: string | null };

export type PartyColumn<Item> = { header: string; cell: (item: Item) => ReactNode; nowrap?: boolean };

type Props<Item extends Party> = {
  items: Item[];
  path: 'companies' | 'contacts';
  entity: 'company' | 'contact';
  userNames: Map<string, string>;
  /** Columns between the name and the phones. */
  leading: PartyColumn<Item>[];
  /** Columns after the responsible person. */
  trailing?: PartyColumn<Item>[];
  showResponsible?: boolean;
  /**
   * Row selection for bulk actions, a checkbox before each name (so the columns stay where they were);
   * left out where the table is part of another card.
   */
  selection?: { selected: ReadonlySet<string>; onSelect: (ids: Set<string>) => void };
  /** Deleted records have no card to open, so their names are not links. */
  deleted?: boolean;
  minWidth?: number;
};

/** Companies or contacts as a table: name, the kind's own columns, phones, emails, responsible. */
export function PartyTable<Item extends Party>({
  items,
  path,
  entity,
  userNames,
  leading,
  trailing = [],
  showResponsible = true,
  selection,
  deleted = false,
  minWidth = 760,
}: Props<Item>) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t(`${path}.empty`)}
      </Text>
    );
  }
  const columns: PartyColumn<Item>[] = [
    ...leading,
    {
      header: t(`${path}.fields.phones`),
      cell: (item) => item.phones.map(formatPhone).join(', ') || none,
      nowrap: true,
    },
    { header: t(`${path}.fields.emails`), cell: (item) => item.emails.join(', ') || none },
    ...(showResponsible
      ? [
          {
            header: t(`${path}.fields.responsibleId`),
            cell: (item: Item) => (
              <PersonName name={item.responsibleId ? (userNames.get(item.responsibleId) ?? null) : null} />
            ),
          },
        ]
      : []),
    ...trailing,
  ];

  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover verticalSpacing="sm" data-testid={`${path}-table`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Group gap="sm" wrap="nowrap">
                {selection ? <SelectAllCheckbox ids={items.map((item) => item.id)} {...selection} /> : null}
                {t(`${path}.fields.name`)}
              </Group>
            </Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid={`${entity}-row`}
              bg={selection?.selected.has(item.id) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  {selection ? <SelectRowCheckbox id={item.id} label={item.name} {...selection} /> : null}
                  {deleted ? (
                    <Text size="sm" fw={500}>
                      {item.name}
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/${path}/${item.id}`} size="sm" fw={500}>
                      {item.name}
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
              {columns.map((column) => (
                <Table.Td key={column.header} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {column.cell(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
