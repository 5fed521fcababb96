import { Grid, Text, useMantineTheme } from '@mantine/core';
import type { ReportTable } from '@voronka/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../ui/EChart';
import { LoadError } from '../../../ui/LoadError';
import { PageLoader } from '../../../ui/PageLoader';
import { Section } from '../../../ui/Section';
import { type ReportCellRef, useReport } from '../../reports/api';
import { DrillDrawer } from '../../reports/components/DrillDrawer';
import { ReportTableView } from '../../reports/components/ReportTableView';
import type { ReportSelection } from '../../reports/report-query';

type Props = {
  from: string;
  to: string;
  managerId: string | null;
  title: string;
};

/** Stages with their reach, in the pipeline's order (the won stage last). */
function stagesOf(table: ReportTable) {
  return table.rows.map((row) => ({
    key: row.key,
    name: String(row.cells.stage ?? ''),
    reached: Number(row.cells.reached ?? 0),
  }));
}

/** The funnel of the deals created in the period: how many reached each stage, where they stall. */
export function FunnelWidget({ from, to, managerId, title }: Props) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const selection: ReportSelection = { report: 'funnel', from, to, managerId };
  const report = useReport(selection);
  const [cell, setCell] = useState<ReportCellRef | null>(null);
  const stages = useMemo(() => (report.data ? stagesOf(report.data) : []), [report.data]);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      color: [
        theme.colors.blue[8],
        theme.colors.cyan[8],
        theme.colors.blue[7],
        theme.colors.cyan[7],
        theme.colors.blue[6],
        theme.colors.cyan[6],
        theme.colors.indigo[6],
        theme.colors.teal[7],
      ],
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          top: 8,
          bottom: 8,
          minSize: '30%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b}: {c}', color: '#fff' },
          data: stages.map((stage) => ({ name: stage.name, value: stage.reached })),
        },
      ],
    }),
    [stages, theme],
  );
  const anyReached = stages.some((stage) => stage.reached > 0);

  return (
    <Section title={title} testId="widget-funnel">
      {report.isPending ? <PageLoader /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            {anyReached ? (
              <EChart
                option={option}
                height={Math.max(200, stages.length * 34)}
                testId="funnel-chart"
                ariaLabel={title}
                onItemClick={(item) => {
                  const stage = stages[item.dataIndex];
                  if (stage && stage.reached > 0) setCell({ row: stage.key, column: 'reached' });
                }}
              />
            ) : (
              <Text c="dimmed" size="sm" data-testid="funnel-empty">
                {t('dashboard.funnel.empty')}
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ReportTableView table={report.data} onDrill={setCell} />
          </Grid.Col>
        </Grid>
      ) : null}
      <DrillDrawer selection={selection} table={report.data} cell={cell} onClose={() => setCell(null)} />
    </Section>
  );
}
