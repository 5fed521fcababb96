import {
  Badge,
  Group,
  Kbd,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconBriefcase, IconBuilding, IconFilter, IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchEntity, SearchHit } from '../../../api/types';
import { recordPath } from '../../../app/record-path';
import { formatMoney } from '../../../ui/format';
import { useSearch } from '../api';

type Props = {
  opened: boolean;
  onClose: () => void;
};

const kinds: SearchEntity[] = ['deal', 'company', 'contact', 'lead'];
const icons = {
  deal: IconBriefcase,
  company: IconBuilding,
  contact: IconAddressBook,
  lead: IconFilter,
} as const;

/** A deal's subtitle is its amount; other records' (a phone, an INN, a company) read as they are. */
function subtitleOf(hit: SearchHit): string {
  const amount = Number(hit.subtitle);
  if (hit.entity === 'deal' && hit.subtitle !== null && Number.isFinite(amount)) return formatMoney(amount);
  return hit.subtitle ?? '';
}

/** Spotlight-style search over leads, contacts, companies and deals; arrows choose, Enter opens. */
export function SearchModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text, 200);
  const [active, setActive] = useState(0);
  const search = useSearch(query);
  const hits = text.trim() ? (search.data ?? []) : [];
  // Results are shown grouped by kind; the keyboard walks them in the same order.
  const ordered = kinds.flatMap((kind) => hits.filter((hit) => hit.entity === kind));

  const close = () => {
    setText('');
    setActive(0);
    onClose();
  };
  const open = (hit: SearchHit) => {
    close();
    navigate(recordPath(hit.entity, hit.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, ordered.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = ordered[active];
      if (hit) open(hit);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      withCloseButton={false}
      size="lg"
      padding={0}
      yOffset="10vh"
      aria-label={t('search.title')}
    >
      <TextInput
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        leftSection={search.isFetching ? <Loader size={16} /> : <IconSearch size={18} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        rightSectionWidth={48}
        size="lg"
        variant="unstyled"
        px="sm"
        data-autofocus
        data-testid="search-input"
        styles={{ input: { borderBottom: '1px solid var(--mantine-color-default-border)' } }}
      />
      <ScrollArea.Autosize mah="60vh" type="auto">
        <Stack gap={0} p="xs" data-testid="search-results">
          {!text.trim() ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('search.hint')}
            </Text>
          ) : null}
          {text.trim() && search.isSuccess && ordered.length === 0 && !search.isFetching ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('search.nothing')}
            </Text>
          ) : null}
          {kinds.map((kind) => {
            const group = ordered.filter((hit) => hit.entity === kind);
            if (group.length === 0) return null;
            const Icon = icons[kind];
            return (
              <Stack key={kind} gap={2} mb="xs">
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="xs">
                  {t(`search.groups.${kind}`)}
                </Text>
                {group.map((hit) => {
                  const index = ordered.indexOf(hit);
                  return (
                    <UnstyledButton
                      key={`${hit.entity}:${hit.id}`}
                      onClick={() => open(hit)}
                      onMouseEnter={() => setActive(index)}
                      px="sm"
                      py={6}
                      style={{
                        borderRadius: 6,
                        background: index === active ? 'var(--mantine-primary-color-light)' : undefined,
                      }}
                      data-testid="search-hit"
                      data-entity={hit.entity}
                      data-active={index === active || undefined}
                    >
                      <Group gap="sm" wrap="nowrap">
                        <Icon size={18} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                        <Stack gap={0} miw={0} style={{ flex: 1 }}>
                          <Text size="sm" fw={500} truncate>
                            {hit.title}
                          </Text>
                          {hit.subtitle ? (
                            <Text size="xs" c="dimmed" truncate>
                              {subtitleOf(hit)}
                            </Text>
                          ) : null}
                        </Stack>
                        {hit.matchedOn !== 'name' ? (
                          <Badge
                            size="xs"
                            variant="light"
                            color="gray"
                            styles={{ root: { textTransform: 'none' } }}
                          >
                            {t(`search.matchedOn.${hit.matchedOn}`)}
                          </Badge>
                        ) : null}
                      </Group>
                    </UnstyledButton>
                  );
                })}
              </Stack>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Modal>
  );
}
