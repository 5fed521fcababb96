import { Alert, Button, Grid, Stack } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import type { FinanceEntry } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useFinanceEntries } from '../features/finance/api';
import { BreakEvenPanel } from '../features/finance/components/BreakEvenPanel';
import { CashFlowPanel } from '../features/finance/components/CashFlowPanel';
import { DebtsPanel } from '../features/finance/components/DebtsPanel';
import { EntriesTable } from '../features/finance/components/EntriesTable';
import { EntryFormModal } from '../features/finance/components/EntryFormModal';
import { FinanceFilters } from '../features/finance/components/FinanceFilters';
import { WhatIfPanel } from '../features/finance/components/WhatIfPanel';
import { type FinanceSelection, financeSelection, selectionParams } from '../features/finance/finance-query';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { Section } from '../ui/Section';

/**
 * Income and expense entries, the cash flow by month, debts to creditors, "what if" and the break-even
 * point; `?from=&to=&status=&kind=&category=&line=&flow=` keep the filters.
 */
export function FinancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selection = financeSelection(params);
  const { category, flow, ...filter } = selection;
  const entries = useFinanceEntries(filter);
  const [editing, setEditing] = useState<FinanceEntry | 'new' | null>(null);

  const change = (patch: Partial<FinanceSelection>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(selectionParams({ ...selection, ...patch }))) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  // The server decides who works with money; everyone else is told so instead of seeing errors.
  if (entries.error instanceof ApiError && entries.error.status === 403)
    return (
      <>
        <PageHeader title={t('planning.finance.title')} />
        <Alert
          color="yellow"
          icon={<IconLock size={18} />}
          title={t('planning.finance.forbiddenTitle')}
          data-testid="finance-forbidden"
        >
          {t('planning.finance.forbidden')}
        </Alert>
      </>
    );

  // Until the server has answered, the panels wait: for someone without access they would only fail.
  if (entries.isPending)
    return (
      <>
        <PageHeader title={t('planning.finance.title')} />
        <PageLoader />
      </>
    );

  const all = entries.data ?? [];
  const categories = [...new Set(all.map((entry) => entry.category))];
  const lines = [...new Set(all.flatMap((entry) => (entry.lineOfBusiness ? [entry.lineOfBusiness] : [])))];
  const shown = category ? all.filter((entry) => entry.category === category) : all;

  return (
    <>
      <div data-testid="finance-heading">
        <PageHeader
          title={t('planning.finance.title')}
          actions={
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing('new')}
              data-testid="new-entry"
            >
              {t('planning.finance.newEntry')}
            </Button>
          }
        />
      </div>
      <Stack gap="lg">
        <FinanceFilters selection={selection} categories={categories} lines={lines} onChange={change} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Section title={t('planning.finance.cashFlow')} testId="cash-flow">
              <CashFlowPanel
                filter={{
                  from: filter.from,
                  to: filter.to,
                  status: flow,
                  lineOfBusiness: filter.lineOfBusiness,
                }}
                onStatus={(status) => change({ flow: status })}
              />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Section title={t('planning.finance.breakEven')}>
                <BreakEvenPanel />
              </Section>
              <Section title={t('planning.finance.debts')}>
                <DebtsPanel />
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
        <Section title={t('planning.finance.whatIf')} testId="what-if">
          <WhatIfPanel />
        </Section>
        <Section title={t('planning.finance.entries')} testId="entries">
          {entries.isError ? (
            <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
          ) : null}
          {entries.data ? <EntriesTable entries={shown} onEdit={setEditing} /> : null}
        </Section>
      </Stack>
      <EntryFormModal
        entry={editing}
        categories={categories}
        lines={lines}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
