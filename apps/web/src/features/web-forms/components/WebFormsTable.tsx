import { Anchor, Button, CopyButton, Group, Switch, Table, Text } from '@mantine/core';
import type { WebForm } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDateTime } from '../../../ui/format';
import { embedCode, formAddress } from '../api';

type Props = {
  forms: WebForm[];
  onToggle: (form: WebForm, enabled: boolean) => void;
  onEdit: (form: WebForm) => void;
  onDelete: (form: WebForm) => void;
};

/** The workspace's website forms: how many requests each brought, its page, and the code to embed it. */
export function WebFormsTable({ forms, onToggle, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  if (forms.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('webForms.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" data-testid="web-forms-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webForms.name')}</Table.Th>
            <Table.Th>{t('webForms.submissions')}</Table.Th>
            <Table.Th>{t('webForms.lastSubmittedAt')}</Table.Th>
            <Table.Th>{t('webForms.enabled')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forms.map((form) => (
            <Table.Tr key={form.id}>
              <Table.Td>
                <Text fw={500}>{form.name}</Text>
                <Anchor href={formAddress(form)} target="_blank" rel="noreferrer" size="xs">
                  {formAddress(form)}
                </Anchor>
              </Table.Td>
              <Table.Td>{form.submissions}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {form.lastSubmittedAt ? formatDateTime(form.lastSubmittedAt) : t('common.never')}
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={form.enabled}
                  aria-label={t('webForms.enabled')}
                  onChange={(event) => onToggle(form, event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <CopyButton value={embedCode(form)}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                        {copied ? t('webForms.copied') : t('webForms.copyEmbed')}
                      </Button>
                    )}
                  </CopyButton>
                  <Button size="xs" variant="default" onClick={() => onEdit(form)}>
                    {t('common.edit')}
                  </Button>
                  <ConfirmButton
                    size="xs"
                    question={t('webForms.deleteConfirm', { name: form.name })}
                    onConfirm={() => onDelete(form)}
                  >
                    {t('common.delete')}
                  </ConfirmButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
