import { ActionIcon, Box, Button, Group, Select, Switch, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconSearch, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { leadStatuses, type User } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ColumnPicker } from '../../../ui/ColumnPicker';
import { sourceLabel } from '../../../ui/format';
import { SavedViewsMenu } from '../../views/components/SavedViewsMenu';
import {
  defaultLeadView,
  type LeadSort,
  type LeadView,
  leadColumns,
  leadSorts,
  normalizeLeadView,
} from '../lead-view';

type Props = {
  view: LeadView;
  onChange: (view: LeadView) => void;
  users: User[];
  /** Sources seen among the leads, offered as a filter. */
  sources: string[];
};

const columnLabels = {
  contactName: 'leads.fields.contactName',
  phone: 'leads.fields.phone',
  email: 'leads.fields.email',
  source: 'leads.fields.source',
  channel: 'leads.fields.channel',
  status: 'leads.fields.status',
  responsible: 'leads.fields.responsibleId',
  createdAt: 'leads.createdAt',
} as const;
const sortLabels = {
  createdAt: 'leads.sort.createdAt',
  updatedAt: 'leads.sort.updatedAt',
  title: 'leads.sort.title',
} as const;

/** Filters, sort, columns and saved views of the leads list. */
export function LeadsToolbar({ view, onChange, users, sources }: Props) {
  const { t } = useTranslation();
  // On a phone the filters fold away behind one button.
  const [opened, { toggle }] = useDisclosure(false);
  const setFilter = (key: string, value: string | null) => {
    const filters = { ...view.filters };
    if (value) filters[key] = value;
    else delete filters[key];
    onChange({ ...view, filters });
  };

  return (
    <>
      <Button
        hiddenFrom="sm"
        variant="default"
        leftSection={<IconAdjustments size={16} />}
        onClick={toggle}
        mb="sm"
        fullWidth
      >
        {t('views.filters')}
      </Button>
      <Box visibleFrom={opened ? undefined : 'sm'}>
        <Group gap="sm" mb="sm" align="flex-end" justify="space-between" data-testid="leads-toolbar">
          <Group gap="sm">
            <TextInput
              leftSection={<IconSearch size={14} />}
              placeholder={t('leads.searchPlaceholder')}
              aria-label={t('common.search')}
              value={view.filters.q ?? ''}
              onChange={(event) => setFilter('q', event.currentTarget.value)}
              w={220}
            />
            <Select
              placeholder={t('leads.fields.status')}
              aria-label={t('leads.fields.status')}
              data={leadStatuses.map((status) => ({ value: status, label: t(`leads.status.${status}`) }))}
              value={view.filters.status ?? null}
              onChange={(value) => setFilter('status', value)}
              clearable
              w={200}
            />
            <Select
              placeholder={t('leads.fields.responsibleId')}
              aria-label={t('leads.fields.responsibleId')}
              data={users.map((user) => ({ value: user.id, label: user.name }))}
              value={view.filters.responsibleId ?? null}
              onChange={(value) => setFilter('responsibleId', value)}
              clearable
              searchable
              w={190}
            />
            <Select
              placeholder={t('leads.fields.source')}
              aria-label={t('leads.fields.source')}
              data={sources.map((source) => ({ value: source, label: sourceLabel(source) }))}
              value={view.filters.source ?? null}
              onChange={(value) => setFilter('source', value)}
              clearable
              w={160}
            />
            <Switch
              label={t('common.bulk.showDeleted')}
              checked={view.filters.deleted === 'true'}
              onChange={(event) => setFilter('deleted', event.currentTarget.checked ? 'true' : null)}
              data-testid="show-deleted"
            />
          </Group>
          <Group gap="sm">
            <Select
              aria-label={t('deals.sort.label')}
              data={leadSorts.map((sort) => ({ value: sort, label: t(sortLabels[sort]) }))}
              value={view.sort}
              onChange={(value) => value && onChange({ ...view, sort: value as LeadSort })}
              allowDeselect={false}
              w={170}
            />
            <Tooltip label={view.order === 'asc' ? t('deals.sort.asc') : t('deals.sort.desc')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={view.order === 'asc' ? t('deals.sort.asc') : t('deals.sort.desc')}
                onClick={() => onChange({ ...view, order: view.order === 'asc' ? 'desc' : 'asc' })}
              >
                {view.order === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
              </ActionIcon>
            </Tooltip>
            <ColumnPicker
              options={leadColumns.map((column) => ({ value: column, label: t(columnLabels[column]) }))}
              value={view.columns}
              onChange={(columns) => onChange({ ...view, columns })}
            />
            <SavedViewsMenu
              entity="lead"
              current={view}
              onApply={(saved) => onChange(normalizeLeadView(saved.query))}
            />
            <Button variant="subtle" onClick={() => onChange(defaultLeadView)}>
              {t('common.reset')}
            </Button>
          </Group>
        </Group>
      </Box>
    </>
  );
}
