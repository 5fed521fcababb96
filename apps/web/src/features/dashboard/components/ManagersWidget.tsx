import { useState } from 'react';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { type ReportCellRef, useReport } from '../../reports/api';
import { DrillDrawer } from '../../reports/components/DrillDrawer';
import { ExportLinks } from '../../reports/components/ExportLinks';
import { ReportTableView } from '../../reports/components/ReportTableView';
import type { ReportSelection } from '../../reports/report-query';

type Props = {
  from: string;
  to: string;
  managerId: string | null;
  title: string;
};

/** The managers side by side (the managers report): every number opens its records; XLSX and CSV export. */
export function ManagersWidget({ from, to, managerId, title }: Props) {
  const selection: ReportSelection = { report: 'managers', from, to, managerId };
  const report = useReport(selection);
  const [cell, setCell] = useState<ReportCellRef | null>(null);
  return (
    <Section title={title} testId="widget-managers" actions={<ExportLinks selection={selection} />}>
      {report.isPending ? <PageLoader /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? <ReportTableView table={report.data} onDrill={setCell} /> : null}
      <DrillDrawer selection={selection} table={report.data} cell={cell} onClose={() => setCell(null)} />
    </Section>
  );
}
