import { ActionIcon, Box, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash, IconUserStar } from '@tabler/icons-react';
import type { Department } from '@voronka/domain';
import { useTranslation } from 'react-i18next';
import { buildTree, type DepartmentNode } from '../department-tree';

type Props = {
  departments: Department[];
  userNames: Map<string, string>;
  onEdit: (department: Department) => void;
  onDelete: (department: Department) => void;
};

export function DepartmentTree({ departments, userNames, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  if (departments.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('departments.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="department-tree">
      {buildTree(departments).map((node) => (
        <Branch key={node.department.id} node={node} depth={0} {...{ userNames, onEdit, onDelete }} />
      ))}
    </Stack>
  );
}

type BranchProps = Omit<Props, 'departments'> & { node: DepartmentNode; depth: number };

function Branch({ node, depth, userNames, onEdit, onDelete }: BranchProps) {
  const { t } = useTranslation();
  const { department } = node;
  const head = department.headId ? userNames.get(department.headId) : undefined;
  return (
    <>
      <Paper withBorder p="sm" ml={{ base: depth * 12, sm: depth * 28 }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Box miw={0}>
            <Text fw={500} truncate>
              {department.name}
            </Text>
            <Group gap={4} c="dimmed" wrap="nowrap">
              <IconUserStar size={14} />
              <Text size="xs" truncate>
                {head ?? t('departments.noHead')}
              </Text>
            </Group>
          </Box>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('common.edit')}>
              <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => onEdit(department)}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('common.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('common.delete')}
                onClick={() => onDelete(department)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </Paper>
      {node.children.map((child) => (
        <Branch
          key={child.department.id}
          node={child}
          depth={depth + 1}
          {...{ userNames, onEdit, onDelete }}
        />
      ))}
    </>
  );
}
