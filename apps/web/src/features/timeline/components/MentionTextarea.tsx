import { Combobox, Group, Text, Textarea, type TextareaProps, useCombobox } from '@mantine/core';
import type { User } from '@voronka/domain';
import { useRef, useState } from 'react';
import { PersonName } from '../../../ui/PersonName';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  users: User[];
};

// "@" at the start or after a space, then the part of a name typed so far, right before the caret.
const mentionAtCaret = /(^|\s)@([\p{L}\p{N}._-]*)$/u;

/** A text area where typing "@" offers colleagues to mention; picking one writes "@Name". */
export function MentionTextarea({ value, onChange, users, ...textareaProps }: Props) {
  const combobox = useCombobox();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const matches =
    query === null
      ? []
      : users
          .filter((user) => user.active && user.name.toLowerCase().includes(query.toLowerCase()))
          .slice(0, 6);

  const readCaret = (text: string, caret: number) => {
    const match = mentionAtCaret.exec(text.slice(0, caret));
    setQuery(match ? (match[2] ?? '') : null);
    if (match) {
      combobox.openDropdown();
      combobox.updateSelectedOptionIndex('active');
    } else combobox.closeDropdown();
  };

  const pick = (userId: string) => {
    const user = users.find((item) => item.id === userId);
    const element = ref.current;
    if (!user || !element) return;
    const caret = element.selectionStart;
    const before = value.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, `@${user.name} `);
    const next = before + value.slice(caret);
    onChange(next);
    setQuery(null);
    combobox.closeDropdown();
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(before.length, before.length);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" width={260} withinPortal>
      <Combobox.Target targetType="input">
        <Textarea
          {...textareaProps}
          ref={ref}
          value={value}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            readCaret(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={matches.length === 0}>
        <Combobox.Options>
          {matches.map((user) => (
            <Combobox.Option value={user.id} key={user.id} data-testid="mention-option">
              <Group gap="xs" wrap="nowrap">
                <PersonName name={user.name} size="xs" />
                <Text size="xs" c="dimmed" truncate>
                  {user.email}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
