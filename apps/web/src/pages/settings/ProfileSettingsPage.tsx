import { SimpleGrid } from '@mantine/core';
import { useCurrentSession } from '../../features/auth/session-context';
import { PasswordForm } from '../../features/profile/components/PasswordForm';
import { ProfileForm } from '../../features/profile/components/ProfileForm';

export function ProfileSettingsPage() {
  const { user } = useCurrentSession();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={960}>
      <ProfileForm key={`${user.id}:${user.locale}`} user={user} />
      <PasswordForm />
    </SimpleGrid>
  );
}
