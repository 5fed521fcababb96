import { Alert, List, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type PublishProblem, problemText } from '../publish-problems';

type Props = {
  problems: PublishProblem[];
  onSelect: (elementId: string) => void;
  onClose: () => void;
};

/**
 * Why the engine refused to publish, element by element, in the user's language; a click selects the
 * element on the canvas.
 */
export function PublishProblems({ problems, onSelect, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('processes.designer.problemsTitle', { count: problems.length })}
      withCloseButton
      onClose={onClose}
      data-testid="publish-problems"
    >
      <Text size="xs" c="dimmed" mb={4}>
        {t('processes.designer.problemsHint')}
      </Text>
      <List size="sm" spacing={2} styles={{ root: { maxHeight: 140, overflowY: 'auto' } }}>
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one element may have several problems
          <List.Item key={index} data-testid="publish-problem">
            <UnstyledButton onClick={() => onSelect(problem.elementId)} fz="sm">
              <Text span ff="monospace" fz="xs" c="red">
                {problem.elementId || t('processes.designer.processLevel')}
              </Text>{' '}
              {problemText(t, problem)}
            </UnstyledButton>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
