import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={2}>{t('notFound.title')}</Title>
      <Button component={Link} to="/" variant="light" data-testid="not-found-home">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
