import { Anchor, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { notifyError, notifySuccess } from '../../../ui/notify';

type Props = {
  path: 'companies' | 'contacts';
  entity: 'company' | 'contact';
  id: string;
  name: string;
  /** The delete mutation of the kind; a deleted record goes back to its list. */
  remove: {
    mutate: (id: string, callbacks: { onSuccess: () => void; onError: (error: Error) => void }) => void;
    isPending: boolean;
  };
  /** Under the name: requisites, position, company. */
  children?: ReactNode;
};

/** The top of a company's or contact's card: the way back to the list, the name and deleting it. */
export function PartyCardHeader({ path, entity, id, name, remove, children }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onConfirm = () =>
    remove.mutate(id, {
      onSuccess: () => {
        notifySuccess(t(`${path}.deleted`));
        navigate(`/${path}`);
      },
      onError: notifyError,
    });

  return (
    <>
      <Anchor component={Link} to={`/${path}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t(`${path}.title`)}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid={`${entity}-title`}>
            {name}
          </Title>
          {children}
        </Stack>
        <ConfirmButton question={t(`${path}.deleteConfirm`)} onConfirm={onConfirm} loading={remove.isPending}>
          {t('common.delete')}
        </ConfirmButton>
      </Group>
    </>
  );
}
