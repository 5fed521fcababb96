import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BreakEven as BreakEvenSchema,
  CashFlow as CashFlowSchema,
  Debts as DebtsSchema,
  FinanceEntry,
  FinanceEntryBody,
  UpdateFinanceEntryBody,
  WhatIfBody,
  WhatIf as WhatIfSchema,
} from '@voronka/domain';
import type { z } from 'zod';
import { api, type ListResponse, type OkResponse } from '../../api/client';
import { queryString } from '../../api/query-string';

export type CashFlow = z.infer<typeof CashFlowSchema>;
export type Debts = z.infer<typeof DebtsSchema>;
export type WhatIf = z.infer<typeof WhatIfSchema>;
export type BreakEven = z.infer<typeof BreakEvenSchema>;
export type WhatIfRequest = z.input<typeof WhatIfBody>;

export type EntryFilter = {
  from: string;
  to: string;
  kind: 'income' | 'expense' | null;
  status: 'planned' | 'actual' | null;
  lineOfBusiness: string | null;
};

export type CashFlowFilter = {
  from: string;
  to: string;
  status: 'actual' | 'planned' | 'all';
  lineOfBusiness: string | null;
};

/** A null margin rate or fixed costs is measured by the server over `from`…`to`. */
export type BreakEvenInput = {
  marginRate: number | null;
  fixedCosts: number | null;
  from: string;
  to: string;
};

export const financeKeys = {
  all: ['finance'] as const,
  entries: (filter: EntryFilter) => ['finance', 'entries', filter] as const,
  cashFlow: (filter: CashFlowFilter) => ['finance', 'cash-flow', filter] as const,
  debts: ['finance', 'debts'] as const,
  whatIf: (body: WhatIfRequest | null) => ['finance', 'what-if', body] as const,
  breakEven: (input: BreakEvenInput) => ['finance', 'break-even', input] as const,
};

/** The entries of the period, latest first (the server gives at most 1,000). */
export function useFinanceEntries(filter: EntryFilter) {
  return useQuery({
    queryKey: financeKeys.entries(filter),
    queryFn: () =>
      api.get<ListResponse<FinanceEntry>>(`/finance-entries${queryString({ ...filter, limit: 1000 })}`),
    select: (response) => response.items,
    placeholderData: keepPreviousData,
  });
}

/** Every figure of the page is read from the entries, so a change reloads them all. */
function useInvalidateFinance() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: financeKeys.all });
}

export function useSaveEntry() {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: string;
      body: z.input<typeof FinanceEntryBody> & z.input<typeof UpdateFinanceEntryBody>;
    }) =>
      id
        ? api.patch<FinanceEntry>(`/finance-entries/${id}`, body)
        : api.post<FinanceEntry>('/finance-entries', body),
    onSuccess: invalidate,
  });
}

export function useDeleteEntry() {
  const invalidate = useInvalidateFinance();
  return useMutation({
    mutationFn: (id: string) => api.delete<OkResponse>(`/finance-entries/${id}`),
    onSuccess: invalidate,
  });
}

export function useCashFlow(filter: CashFlowFilter) {
  return useQuery({
    queryKey: financeKeys.cashFlow(filter),
    queryFn: () => api.get<CashFlow>(`/finance/cash-flow${queryString(filter)}`),
    placeholderData: keepPreviousData,
  });
}

export function useDebts() {
  return useQuery({
    queryKey: financeKeys.debts,
    queryFn: () => api.get<Debts>('/finance/debts'),
  });
}

/**
 * "If we earn X and spend Y" for the asked months; a query rather than a one-off call, so that the
 * answer follows the entries as they change. Idle until asked.
 */
export function useWhatIf(body: WhatIfRequest | null) {
  return useQuery({
    queryKey: financeKeys.whatIf(body),
    queryFn: () => api.post<WhatIf>('/finance/what-if', body),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}

export function useBreakEven(input: BreakEvenInput, enabled: boolean) {
  return useQuery({
    queryKey: financeKeys.breakEven(input),
    queryFn: () =>
      api.get<BreakEven>(
        `/finance/break-even${queryString(
          input.fixedCosts === null || input.marginRate === null
            ? { ...input, from: input.from, to: input.to }
            : { marginRate: input.marginRate, fixedCosts: input.fixedCosts },
        )}`,
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}
