import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompleteProcessTaskBody,
  CreateProcessBody,
  ProcessDefinition,
  ProcessDefinitionDetail,
  ProcessInstance,
  ProcessInstanceDetail,
  ProcessTask,
  ProcessTemplate,
  ProcessTriggerInput,
  processInstanceStatuses,
  SaveDraftBody,
  StartProcessBody,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import { queryString } from '../../api/query-string';
import type { RecordEntity } from '../../app/record-path';
import { type StartProgress, startOnRecords } from './start-on-records';

export type InstanceStatus = (typeof processInstanceStatuses)[number];

export type InstanceQuery = {
  status?: InstanceStatus;
  definitionId?: string;
  entity?: 'lead' | 'deal' | 'contact' | 'company';
  recordId?: string;
  stuckDays?: number;
  withIncidents?: boolean;
};

export type TaskQuery = {
  scope: 'mine' | 'all';
  status: 'open' | 'completed' | 'cancelled';
};

type StartOnRecordsInput = {
  id: string;
  entity: RecordEntity;
  recordIds: readonly string[];
  onProgress?: (progress: StartProgress) => void;
};

export const processKeys = {
  all: ['processes'] as const,
  templates: ['process-templates'] as const,
  detail: (id: string) => ['processes', 'detail', id] as const,
  instances: ['process-instances'] as const,
  instanceList: (query: InstanceQuery) => ['process-instances', 'list', query] as const,
  instance: (id: string) => ['process-instances', 'detail', id] as const,
  tasks: ['process-tasks'] as const,
  taskList: (query: TaskQuery) => ['process-tasks', 'list', query] as const,
  task: (id: string) => ['process-tasks', 'detail', id] as const,
};

export function useProcesses() {
  return useQuery({
    queryKey: processKeys.all,
    queryFn: () => api.get<ListResponse<ProcessDefinition>>('/processes'),
    select: (response) => response.items,
  });
}

/** The catalogue of ready processes; it ships with the server and does not change while the app runs. */
export function useProcessTemplates() {
  return useQuery({
    queryKey: processKeys.templates,
    queryFn: () => api.get<ListResponse<ProcessTemplate>>('/process-templates'),
    select: (response) => response.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useProcess(id: string) {
  return useQuery({
    queryKey: processKeys.detail(id),
    queryFn: () => api.get<ProcessDefinitionDetail>(`/processes/${id}`),
    // The designer holds the diagram: a refetch on focus must not look like a change from elsewhere.
    refetchOnWindowFocus: false,
  });
}

function useStoreDefinition() {
  const queryClient = useQueryClient();
  return (definition: ProcessDefinitionDetail) => {
    queryClient.setQueryData(processKeys.detail(definition.id), definition);
    void queryClient.invalidateQueries({ queryKey: processKeys.all, exact: true });
  };
}

export function useCreateProcess() {
  const store = useStoreDefinition();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateProcessBody>) =>
      api.post<ProcessDefinitionDetail>('/processes', body),
    onSuccess: store,
  });
}

export function useSaveDraft() {
  const store = useStoreDefinition();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof SaveDraftBody> }) =>
      api.put<ProcessDefinitionDetail>(`/processes/${id}/draft`, body),
    onSuccess: store,
  });
}

/** Publishes the draft; a 422 `process_invalid` lists every refused element in its details. */
export function usePublishProcess() {
  const store = useStoreDefinition();
  return useMutation({
    mutationFn: (id: string) => api.post<ProcessDefinitionDetail>(`/processes/${id}/publish`),
    onSuccess: store,
  });
}

export function useSaveTriggers() {
  const store = useStoreDefinition();
  return useMutation({
    mutationFn: ({ id, items }: { id: string; items: z.input<typeof ProcessTriggerInput>[] }) =>
      api.put<ProcessDefinitionDetail>(`/processes/${id}/triggers`, { items }),
    onSuccess: store,
  });
}

export function useDeleteProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/processes/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: processKeys.all }),
  });
}

export function useStartProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof StartProcessBody> }) =>
      api.post<ProcessInstanceDetail>(`/processes/${id}/start`, body),
    onSuccess: (instance) => {
      queryClient.setQueryData(processKeys.instance(instance.id), instance);
      void queryClient.invalidateQueries({ queryKey: processKeys.all });
      void queryClient.invalidateQueries({ queryKey: processKeys.tasks });
    },
  });
}

/**
 * Starts one process on many records, one request after another so that the server is not flooded and
 * `onProgress` can tell how far it got; a refusal on one record does not stop the rest.
 */
export function useStartProcessOnRecords() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, entity, recordIds, onProgress }: StartOnRecordsInput) =>
      startOnRecords(
        recordIds,
        (recordId) => api.post<ProcessInstanceDetail>(`/processes/${id}/start`, { entity, recordId }),
        onProgress,
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: processKeys.all });
      void queryClient.invalidateQueries({ queryKey: processKeys.instances });
      void queryClient.invalidateQueries({ queryKey: processKeys.tasks });
    },
  });
}

export function useInstances(query: InstanceQuery) {
  return useQuery({
    queryKey: processKeys.instanceList(query),
    queryFn: () =>
      api.get<ListResponse<ProcessInstance>>(`/process-instances${queryString({ ...query, limit: 500 })}`),
    select: (response) => response.items,
  });
}

export function useInstance(id: string) {
  return useQuery({
    queryKey: processKeys.instance(id),
    queryFn: () => api.get<ProcessInstanceDetail>(`/process-instances/${id}`),
  });
}

function useStoreInstance() {
  const queryClient = useQueryClient();
  return (instance: ProcessInstanceDetail) => {
    queryClient.setQueryData(processKeys.instance(instance.id), instance);
    void queryClient.invalidateQueries({ queryKey: ['process-instances', 'list'] });
    void queryClient.invalidateQueries({ queryKey: processKeys.tasks });
    void queryClient.invalidateQueries({ queryKey: processKeys.all });
  };
}

export function useCancelInstance() {
  const store = useStoreInstance();
  return useMutation({
    mutationFn: (id: string) => api.post<ProcessInstanceDetail>(`/process-instances/${id}/cancel`),
    onSuccess: store,
  });
}

export function useRetryIncident() {
  const store = useStoreInstance();
  return useMutation({
    mutationFn: (incidentId: string) =>
      api.post<ProcessInstanceDetail>(`/process-incidents/${incidentId}/retry`, { variables: {} }),
    onSuccess: store,
  });
}

/** The inbox; refreshed every half minute, since new tasks arrive from processes running elsewhere. */
export function useProcessTasks(query: TaskQuery) {
  return useQuery({
    queryKey: processKeys.taskList(query),
    queryFn: () =>
      api.get<ListResponse<ProcessTask>>(`/process-tasks${queryString({ ...query, limit: 500 })}`),
    select: (response) => response.items,
    refetchInterval: 30_000,
  });
}

export function useProcessTask(id: string) {
  return useQuery({
    queryKey: processKeys.task(id),
    queryFn: () => api.get<ProcessTask>(`/process-tasks/${id}`),
    enabled: Boolean(id),
  });
}

export function useCompleteProcessTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof CompleteProcessTaskBody> }) =>
      api.post<ProcessTask>(`/process-tasks/${id}/complete`, body),
    onSuccess: (task) => {
      queryClient.setQueryData(processKeys.task(task.id), task);
      void queryClient.invalidateQueries({ queryKey: ['process-tasks', 'list'] });
      void queryClient.invalidateQueries({ queryKey: processKeys.instances });
    },
  });
}
