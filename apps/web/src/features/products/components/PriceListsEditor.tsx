import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { type PriceList, useDeletePriceList, useSavePriceList } from '../api';

type Props = {
  priceLists: PriceList[];
};

/** The price lists (retail, wholesale, discount levels…): rename, add, delete. */
export function PriceListsEditor({ priceLists }: Props) {
  const { t } = useTranslation();
  const savePriceList = useSavePriceList();
  const deletePriceList = useDeletePriceList();
  const [names, setNames] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  const [deleting, setDeleting] = useState<PriceList | null>(null);

  const save = (list: PriceList) => {
    const name = (names[list.id] ?? list.name).trim();
    if (!name || name === list.name) return;
    savePriceList.mutate(
      { id: list.id, name, position: list.position },
      { onSuccess: () => notifySuccess(t('catalogue.priceListSaved')), onError: notifyError },
    );
  };

  return (
    <Stack gap="xs" data-testid="price-lists">
      {priceLists.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalogue.noPriceLists')}
        </Text>
      ) : null}
      {priceLists.map((list) => {
        const value = names[list.id] ?? list.name;
        return (
          <Group key={list.id} gap="xs" wrap="nowrap">
            <TextInput
              value={value}
              onChange={(event) => setNames({ ...names, [list.id]: event.currentTarget.value })}
              onKeyDown={(event) => event.key === 'Enter' && save(list)}
              aria-label={t('catalogue.priceListName')}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="light"
              disabled={value.trim() === list.name || !value.trim()}
              onClick={() => save(list)}
              aria-label={t('common.save')}
            >
              <IconCheck size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => setDeleting(list)}
              aria-label={t('common.delete')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!newName.trim()) return;
          savePriceList.mutate(
            { name: newName.trim(), position: priceLists.length },
            { onSuccess: () => setNewName(''), onError: notifyError },
          );
        }}
      >
        <Group gap="xs" wrap="nowrap">
          <TextInput
            value={newName}
            onChange={(event) => setNewName(event.currentTarget.value)}
            placeholder={t('catalogue.newPriceList')}
            aria-label={t('catalogue.newPriceList')}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={!newName.trim()}
          >
            {t('common.add')}
          </Button>
        </Group>
      </form>
      <ConfirmModal
        question={deleting ? t('catalogue.deletePriceListConfirm', { name: deleting.name }) : null}
        confirmLabel={t('common.delete')}
        loading={deletePriceList.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          deletePriceList.mutate(deleting.id, { onError: notifyError, onSettled: () => setDeleting(null) })
        }
      />
    </Stack>
  );
}
