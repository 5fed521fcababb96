import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity, ActivityEntity, CreateActivityBody, TimelineItem } from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse } from '../../api/client';

export const timelineKey = (entity: ActivityEntity, recordId: string) =>
  ['timeline', entity, recordId] as const;

/** Activities, tasks and changes of a record, newest first; a deal's includes those of its lead. */
export function useTimeline(entity: ActivityEntity, recordId: string) {
  return useQuery({
    queryKey: timelineKey(entity, recordId),
    queryFn: () => api.get<ListResponse<TimelineItem>>(`/timeline/${entity}/${recordId}?limit=200`),
    select: (response) => response.items,
  });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateActivityBody>) => api.post<Activity>('/activities', body),
    onSuccess: (activity) => {
      void queryClient.invalidateQueries({ queryKey: timelineKey(activity.entity, activity.recordId) });
      // A meeting shows in the calendar too.
      if (activity.kind === 'meeting')
        void queryClient.invalidateQueries({ queryKey: ['tasks', 'calendar'] });
    },
  });
}
