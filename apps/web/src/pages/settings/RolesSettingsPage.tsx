import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRoleSettings } from '../../features/roles/api';
import { RoleVisibilityTable } from '../../features/roles/components/RoleVisibilityTable';
import { LoadError } from '../../ui/LoadError';
import { PageLoader } from '../../ui/PageLoader';

export function RolesSettingsPage() {
  const { t } = useTranslation();
  const settings = useRoleSettings();

  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <>
      <Text c="dimmed" size="sm" mb="md">
        {t('rolesPage.description')}
      </Text>
      <Paper withBorder>
        <RoleVisibilityTable settings={settings.data} />
      </Paper>
    </>
  );
}
