import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { LiveEvent } from '@voronka/domain';
import { useEffect } from 'react';

type RecordChanged = Extract<LiveEvent, { type: 'record.changed' }>;

/** Which cached queries a changed record makes stale. */
function invalidateRecord(queryClient: QueryClient, event: RecordChanged): void {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  invalidate(['history', event.entity, event.recordId]);
  invalidate(['timeline', event.entity, event.recordId]);
  switch (event.entity) {
    case 'lead':
      invalidate(['leads']);
      break;
    case 'deal':
      // Boards, tables and the deal's card: a move, an edit or a new deal elsewhere shows at once.
      invalidate(['deals']);
      break;
    case 'company':
      invalidate(['companies']);
      break;
    case 'contact':
      invalidate(['contacts']);
      break;
    case 'task':
      // A task changes its record's "no next step" flag as well.
      invalidate(['tasks']);
      invalidate(['deals']);
      break;
    case 'pipeline':
      invalidate(['pipelines']);
      break;
    case 'user':
      invalidate(['users']);
      break;
    case 'department':
      invalidate(['departments']);
      break;
  }
}

/**
 * Listens to the server's live channel while the user is signed in: record changes refresh the
 * matching lists and histories, notifications pop up. EventSource reconnects by itself.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      const event = LiveEvent.safeParse(parsed);
      if (!event.success) return;
      if (event.data.type === 'record.changed') invalidateRecord(queryClient, event.data);
      else notifications.show({ title: event.data.title, message: event.data.body ?? '' });
    };
    return () => source.close();
  }, [queryClient]);
}
