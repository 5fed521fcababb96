import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconBookmark, IconTrash, IconUsers } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, ViewQuery } from '../../../api/types';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useCurrentSession } from '../../auth/session-context';
import { useDeleteView, useSavedViews, useSaveView, type ViewEntity } from '../api';

type Props = {
  entity: ViewEntity;
  /** The filters, sort and columns shown now: what "Save view" keeps. */
  current: ViewQuery;
  onApply: (view: SavedView) => void;
};

/** The saved views of a list: pick one to apply it, save the current one, delete one's own. */
export function SavedViewsMenu({ entity, current, onApply }: Props) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const views = useSavedViews(entity);
  const saveView = useSaveView(entity);
  const deleteView = useDeleteView(entity);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    saveView.mutate(
      { name: name.trim(), shared, query: current },
      {
        onSuccess: () => {
          notifySuccess(t('views.savedDone'));
          setSaving(false);
          setName('');
          setShared(false);
        },
        onError: notifyError,
      },
    );
  };

  if (views.isError) {
    return (
      <Tooltip label={t('views.unavailable')}>
        <Button variant="default" leftSection={<IconBookmark size={16} />} disabled>
          {t('views.saved')}
        </Button>
      </Tooltip>
    );
  }

  return (
    <>
      <Menu position="bottom-start" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} data-testid="saved-views">
            {t('views.saved')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(views.data ?? []).length === 0 ? <Menu.Label>{t('views.none')}</Menu.Label> : null}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onApply(view)}
              leftSection={view.shared ? <IconUsers size={14} /> : <IconBookmark size={14} />}
              rightSection={
                !view.ownerId || view.ownerId === user.id ? (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('common.delete')}
                    onClick={(event) => {
                      event.stopPropagation();
                      deleteView.mutate(view.id, { onError: notifyError });
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                ) : null
              }
            >
              <Text size="sm" truncate>
                {view.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setSaving(true)} data-testid="save-view">
            {t('views.save')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('views.save')} size="sm">
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('views.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              data-autofocus
            />
            <Checkbox
              label={t('views.shared')}
              checked={shared}
              onChange={(event) => setShared(event.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!name.trim()} loading={saveView.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
