import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCoin, IconFileText, IconTargetArrow, IconUsers, type TablerIcon } from '@tabler/icons-react';
import type { ProcessTemplate } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLocale } from '../../../app/i18n';
import { LoadError } from '../../../ui/LoadError';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { PageLoader } from '../../../ui/PageLoader';
import { useCreateProcess, useProcessTemplates } from '../api';
import './template-gallery.css';

type Category = ProcessTemplate['category'];

/** Sections in the order a sales team looks for them. */
const categories: readonly Category[] = ['sales', 'documents', 'finance', 'hr'];

const categoryIcons: Record<Category, TablerIcon> = {
  sales: IconTargetArrow,
  documents: IconFileText,
  finance: IconCoin,
  hr: IconUsers,
};

type Props = {
  /** Called once the process is created, just before the designer opens. */
  onCreated?: () => void;
};

/**
 * The ready processes by category, named in the UI language; choosing one creates a draft from it
 * (in the creator's language) and opens it in the designer. Sales processes lead, in full width.
 */
export function TemplateGallery({ onCreated }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useProcessTemplates();
  const create = useCreateProcess();
  // useTranslation renders again on a language switch, which renames the cards at once.
  const locale = currentLocale();

  if (templates.isPending) return <PageLoader />;
  if (templates.isError)
    return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;

  const choose = (template: ProcessTemplate) =>
    create.mutate(
      { template: template.key },
      {
        onSuccess: (definition) => {
          notifySuccess(t('processes.templates.created', { name: definition.name }));
          onCreated?.();
          navigate(`/processes/${definition.id}`);
        },
        onError: notifyError,
      },
    );
  const pendingKey = create.isPending ? create.variables.template : null;

  const card = (template: ProcessTemplate) => (
    <TemplateCard
      key={template.key}
      template={template}
      locale={locale}
      pending={pendingKey === template.key}
      disabled={pendingKey !== null}
      onChoose={() => choose(template)}
    />
  );

  return (
    <Stack gap="lg" data-testid="template-gallery">
      {categories.map((category) => {
        const inCategory = templates.data.filter((template) => template.category === category);
        if (inCategory.length === 0) return null;
        const Icon = categoryIcons[category];
        return (
          <Stack key={category} gap="xs" data-testid={`template-category-${category}`}>
            <Group gap={6}>
              <Icon size={16} color="var(--mantine-color-dimmed)" />
              <Text size="sm" fw={600} c="dimmed" tt="uppercase">
                {t(`processes.templates.categories.${category}`)}
              </Text>
            </Group>
            {category === 'sales' ? (
              <Stack gap="sm">{inCategory.map(card)}</Stack>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                {inCategory.map(card)}
              </SimpleGrid>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

type CardProps = {
  template: ProcessTemplate;
  locale: 'ru' | 'en';
  pending: boolean;
  disabled: boolean;
  onChoose: () => void;
};

function TemplateCard({ template, locale, pending, disabled, onChoose }: CardProps) {
  const { t } = useTranslation();
  const featured = template.category === 'sales';
  return (
    <Card
      component="button"
      type="button"
      withBorder
      radius="md"
      padding={featured ? 'lg' : 'md'}
      className="voronka-template-card"
      mod={{ featured }}
      disabled={disabled}
      onClick={onChoose}
      aria-busy={pending}
      data-testid="template-card"
      data-template={template.key}
    >
      <Group gap="md" align="flex-start" wrap="nowrap">
        {featured ? (
          <ThemeIcon size={44} radius="md" variant="filled">
            <IconTargetArrow size={26} />
          </ThemeIcon>
        ) : null}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            {featured ? (
              <Title order={4} data-testid="template-name">
                {template.name[locale]}
              </Title>
            ) : (
              <Text fw={600} size="sm" data-testid="template-name">
                {template.name[locale]}
              </Text>
            )}
            {pending ? <Loader size="xs" /> : null}
            {featured && !pending ? (
              <Badge variant="filled" tt="none" style={{ flexShrink: 0 }}>
                {t('processes.templates.salesBadge')}
              </Badge>
            ) : null}
          </Group>
          <Text size={featured ? 'sm' : 'xs'} c={featured ? undefined : 'dimmed'}>
            {template.description[locale]}
          </Text>
          {/* Where it will be offered: on a lead's or a deal's card, or from the processes list. */}
          <Text size="xs" c="dimmed" data-testid="template-runs-on">
            {t('processesMore.runsOn.label')}:{' '}
            {template.runsOn
              ? t(`processesMore.runsOn.entities.${template.runsOn}`)
              : t('processesMore.runsOn.none').toLowerCase()}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
