import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../app/layout/sections';
import { PageHeader } from '../ui/PageHeader';

type Props = {
  section: SectionKey;
};

/** A section that comes in a later release: its title and one honest line, no sample data. */
export function SectionPlaceholderPage({ section }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <Text c="dimmed" data-testid="section-later">
        {t('placeholder.later')}
      </Text>
    </>
  );
}
