import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTaskBody, Task, UpdateTaskBody } from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { CalendarItem } from '../../api/types';
import { browserTimeZone } from '../../ui/format';

export type TaskScope = 'today' | 'overdue' | 'upcoming' | 'done' | 'all';
export type TaskEntity = NonNullable<Task['entity']>;

export type TaskQuery = {
  scope: TaskScope;
  /** Only this person's tasks; everyone's that the caller may see when absent. */
  assigneeId?: string;
  entity?: TaskEntity;
  recordId?: string;
};

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: TaskQuery) => ['tasks', 'list', query] as const,
  calendar: (query: CalendarQuery) => ['tasks', 'calendar', query] as const,
};

export type CalendarQuery = {
  /** ISO timestamps: from (inclusive) and to (exclusive), at most 62 days apart. */
  from: string;
  to: string;
  /** Only this person's tasks and meetings; everyone's that the caller may see when absent. */
  userId?: string;
};

/** Tasks by deadline and meetings by time in a range, in order of time. */
export function useCalendar(query: CalendarQuery) {
  return useQuery({
    queryKey: taskKeys.calendar(query),
    queryFn: () => api.get<{ items: CalendarItem[]; truncated: boolean }>(`/calendar${queryString(query)}`),
  });
}

/** Tasks by scope, record or due range; "today" is the day in the browser's time zone. */
export function useTasks(query: TaskQuery, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: () =>
      api.get<ListResponse<Task>>(
        `/tasks${queryString({ ...query, timezone: browserTimeZone(), limit: 500 })}`,
      ),
    select: (response) => response.items,
    enabled,
  });
}

/** A task changes the "no next step" flag of its record, and shows in the record's timeline. */
function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return (task?: Pick<Task, 'entity' | 'recordId'>) => {
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    if (task?.entity === 'deal') void queryClient.invalidateQueries({ queryKey: ['deals'] });
    if (task?.entity && task.recordId)
      void queryClient.invalidateQueries({ queryKey: ['timeline', task.entity, task.recordId] });
  };
}

export function useCreateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateTaskBody>) => api.post<Task>('/tasks', body),
    onSuccess: (task) => invalidate(task),
  });
}

export function useUpdateTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateTaskBody> }) =>
      api.patch<Task>(`/tasks/${id}`, body),
    onSuccess: (task) => invalidate(task),
  });
}

/** Marks a task done; a recurring one answers with its next occurrence. */
export function useCompleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (id: string) => api.post<{ task: Task; next: Task | null }>(`/tasks/${id}/complete`),
    onSuccess: ({ task }) => invalidate(task),
  });
}

export function useDeleteTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: (task: Task) => api.delete<OkResponse>(`/tasks/${task.id}`),
    onSuccess: (_result, task) => invalidate(task),
  });
}
