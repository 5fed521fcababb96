import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Attention,
  AttentionItem,
  BreakEven,
  CashFlow,
  DrillResult,
  MotivationSchemeBody,
  PayReport,
  Plan,
  PlanFact,
} from '@voronka/domain';
import type { z } from 'zod';
import { api } from '../../api/client';
import { queryString } from '../../api/query-string';
import { browserTimeZone } from '../../ui/format';

/** The period and person the attention numbers are counted for. */
export type AttentionScope = { managerId: string | null };

export const dashboardKeys = {
  all: ['dashboard'] as const,
  attention: (scope: AttentionScope) => ['dashboard', 'attention', scope] as const,
  attentionDrill: (scope: AttentionScope, item: AttentionItem | null) =>
    ['dashboard', 'attention', 'drill', scope, item] as const,
  plans: ['dashboard', 'plans'] as const,
  planFact: (planId: string, asOf: string) => ['dashboard', 'plan-fact', planId, asOf] as const,
  scheme: ['dashboard', 'motivation-scheme'] as const,
  pay: (from: string, to: string, asOf: string) => ['dashboard', 'pay', from, to, asOf] as const,
  cashFlow: (from: string, to: string) => ['dashboard', 'cash-flow', from, to] as const,
  breakEven: (from: string, to: string, marginRate: number | null) =>
    ['dashboard', 'break-even', from, to, marginRate] as const,
  duplicates: (entity: 'contacts' | 'companies') => ['dashboard', 'duplicates', entity] as const,
};

const attentionParams = (scope: AttentionScope) => ({
  managerId: scope.managerId,
  timezone: browserTimeZone(),
});

/** Today's and overdue tasks, deals without a next step and stuck deals, counted now. */
export function useAttention(scope: AttentionScope) {
  return useQuery({
    queryKey: dashboardKeys.attention(scope),
    queryFn: () => api.get<Attention>(`/dashboard/attention${queryString(attentionParams(scope))}`),
    placeholderData: keepPreviousData,
  });
}

/** The tasks or deals behind one attention number; idle until one is chosen. */
export function useAttentionDrill(scope: AttentionScope, item: AttentionItem | null) {
  return useQuery({
    queryKey: dashboardKeys.attentionDrill(scope, item),
    queryFn: () =>
      api.get<DrillResult>(`/dashboard/attention/drill${queryString({ ...attentionParams(scope), item })}`),
    enabled: item !== null,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: dashboardKeys.plans,
    queryFn: () => api.get<{ items: Plan[] }>('/plans'),
    select: (response) => response.items,
  });
}

/** Plan against fact up to `asOf`, for the managers the caller sees. */
export function usePlanFact(planId: string | null, asOf: string) {
  return useQuery({
    queryKey: dashboardKeys.planFact(planId ?? '', asOf),
    queryFn: () =>
      api.get<PlanFact>(`/plans/${planId}/fact${queryString({ asOf, timezone: browserTimeZone() })}`),
    enabled: planId !== null,
    placeholderData: keepPreviousData,
  });
}

/** The workspace's motivation scheme, null before one is set. */
export function useMotivationScheme() {
  return useQuery({
    queryKey: dashboardKeys.scheme,
    queryFn: () => api.get<MotivationSchemeBody | null>('/motivation-scheme'),
  });
}

/** Points, salary step, commission and the pay forecast per person the caller sees. */
export function usePay(from: string, to: string, asOf: string) {
  return useQuery({
    queryKey: dashboardKeys.pay(from, to, asOf),
    queryFn: () =>
      api.get<PayReport>(`/motivation/pay${queryString({ from, to, asOf, timezone: browserTimeZone() })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCashFlow(from: string, to: string) {
  return useQuery({
    queryKey: dashboardKeys.cashFlow(from, to),
    queryFn: () => api.get<z.infer<typeof CashFlow>>(`/finance/cash-flow${queryString({ from, to })}`),
    placeholderData: keepPreviousData,
  });
}

/** Break-even revenue: the period's average month of actual expenses ÷ the margin rate (0..1). */
export function useBreakEven(from: string, to: string, marginRate: number | null) {
  return useQuery({
    queryKey: dashboardKeys.breakEven(from, to, marginRate),
    queryFn: () =>
      api.get<z.infer<typeof BreakEven>>(`/finance/break-even${queryString({ from, to, marginRate })}`),
    // A newly typed rate keeps the last figures on screen until its own arrive, instead of a dash.
    placeholderData: keepPreviousData,
  });
}

/** Groups of contacts or companies that share a phone, email or INN (at most `limit` groups). */
export function useDuplicateGroups(entity: 'contacts' | 'companies', limit: number) {
  return useQuery({
    queryKey: dashboardKeys.duplicates(entity),
    queryFn: () => api.get<{ items: unknown[] }>(`/${entity}/duplicates${queryString({ limit })}`),
    select: (response) => response.items.length,
  });
}
