import { Card, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ReportCellRef, useReport } from '../features/reports/api';
import { DrillDrawer } from '../features/reports/components/DrillDrawer';
import { ExportLinks } from '../features/reports/components/ExportLinks';
import { ReportBarChart } from '../features/reports/components/ReportBarChart';
import { ReportFilters } from '../features/reports/components/ReportFilters';
import { ReportTableView } from '../features/reports/components/ReportTableView';
import { type ReportSelection, selectionFromParams } from '../features/reports/report-query';
import { LoadError } from '../ui/LoadError';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';

/** A report as a table and a chart over a period; `?report=&from=&to=&managerId=` keep the choice. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selection = selectionFromParams(params);
  const report = useReport(selection);
  const [cell, setCell] = useState<ReportCellRef | null>(null);

  // Only the changed keys, over the address as it is now: writing back this render's whole selection
  // undid a change made just before it (the report picked, then a date typed before the page re-rendered).
  const change = (patch: Partial<ReportSelection>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <div data-testid="reports-heading">
        <PageHeader title={t('reports.title')} actions={<ExportLinks selection={selection} />} />
      </div>
      <Stack gap="lg">
        <ReportFilters selection={selection} onChange={change} />
        {report.isPending ? <PageLoader /> : null}
        {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data && !report.isError ? (
          <>
            <ReportTableView table={report.data} onDrill={setCell} />
            <Card withBorder>
              <ReportBarChart table={report.data} />
            </Card>
          </>
        ) : null}
      </Stack>
      <DrillDrawer selection={selection} table={report.data} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}
