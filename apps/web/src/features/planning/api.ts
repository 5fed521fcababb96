import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LeaderboardMetric,
  MotivationSchemeBody,
  PayReport,
  Plan,
  PlanBody,
  PlanFact,
  ReportTable,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import { queryString } from '../../api/query-string';

export type Period = { from: string; to: string };

export const planningKeys = {
  plans: ['plans'] as const,
  fact: (planId: string, asOf: string | null) => ['plans', planId, 'fact', asOf] as const,
  scheme: ['motivation-scheme'] as const,
  pay: (period: Period) => ['motivation', 'pay', period] as const,
  leaderboard: (period: Period, metric: LeaderboardMetric) =>
    ['reports', 'leaderboard', period, metric] as const,
};

/** Every plan with its decomposition, latest period first. */
export function usePlans() {
  return useQuery({
    queryKey: planningKeys.plans,
    queryFn: () => api.get<ListResponse<Plan>>('/plans'),
    select: (response) => response.items,
  });
}

/** Creates a plan, or replaces the one with `id` (measured values are measured again). */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: z.input<typeof PlanBody> }) =>
      id ? api.put<Plan>(`/plans/${id}`, body) : api.post<Plan>('/plans', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planningKeys.plans }),
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/plans/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planningKeys.plans }),
  });
}

/** Plan against fact up to `asOf` (today when null); idle until a plan is chosen. */
export function usePlanFact(planId: string | null, asOf: string | null) {
  return useQuery({
    queryKey: planningKeys.fact(planId ?? '', asOf),
    queryFn: () => api.get<PlanFact>(`/plans/${planId}/fact${queryString({ asOf })}`),
    enabled: planId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The workspace's motivation scheme; null before anyone sets one. */
export function useMotivationScheme() {
  return useQuery({
    queryKey: planningKeys.scheme,
    queryFn: () => api.get<MotivationSchemeBody | null>('/motivation-scheme'),
  });
}

export function useSaveScheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scheme: MotivationSchemeBody) => api.put<MotivationSchemeBody>('/motivation-scheme', scheme),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.scheme });
      void queryClient.invalidateQueries({ queryKey: ['motivation'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'leaderboard'] });
    },
  });
}

/** Points, salary step, commission and pay forecast of everyone the caller sees; off without a scheme. */
export function usePayReport(period: Period, enabled: boolean) {
  return useQuery({
    queryKey: planningKeys.pay(period),
    queryFn: () => api.get<PayReport>(`/motivation/pay${queryString(period)}`),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The contest table of the period, ranked by `metric`. */
export function useLeaderboard(period: Period, metric: LeaderboardMetric) {
  return useQuery({
    queryKey: planningKeys.leaderboard(period, metric),
    queryFn: () => api.get<ReportTable>(`/reports/leaderboard${queryString({ ...period, metric })}`),
    placeholderData: keepPreviousData,
  });
}
