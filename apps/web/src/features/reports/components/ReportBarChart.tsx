import { Stack, Text, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { barLabels, chartMeasure, type ReportTable } from '@voronka/domain';
import { useMemo } from 'react';
import { EChart } from '../../../ui/EChart';
import type { ReportCellRef } from '../api';
import { formatReportCell } from '../format-cell';

type Props = {
  table: ReportTable;
  /** Called with the cell behind a clicked bar, when its column can be drilled. */
  onDrill?: (cell: ReportCellRef) => void;
};

/**
 * The report's first numeric column (the first that is not all zeros) as one horizontal bar per row,
 * drawn by ECharts; the same bars are listed as text for screen readers.
 */
export function ReportBarChart({ table, onDrill }: Props) {
  const theme = useMantineTheme();
  const measure = chartMeasure(table);

  const bars = useMemo(() => {
    if (!measure) return [];
    const names = barLabels(table, formatReportCell);
    return table.rows.map((row, index) => {
      const value = row.cells[measure.key];
      return {
        key: row.key,
        name: names[index] ?? row.key,
        value: typeof value === 'number' ? value : 0,
        shown: formatReportCell(value ?? null, measure.type),
      };
    });
  }, [table, measure]);
  const color = theme.colors.blue[6];
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.name),
        axisTick: { show: false },
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: measure?.label,
          barMaxWidth: 22,
          itemStyle: { color, borderRadius: 3 },
          data: bars.map((bar) => ({ value: bar.value, shown: bar.shown })),
          label: {
            show: true,
            position: 'right',
            formatter: (params: { dataIndex: number }) => bars[params.dataIndex]?.shown ?? '',
          },
          tooltip: {
            formatter: (params: { dataIndex: number }) => {
              const bar = bars[params.dataIndex];
              return bar ? `${bar.name}: ${bar.shown}` : '';
            },
          },
        },
      ],
    }),
    [bars, color, measure?.label],
  );
  if (!measure || table.rows.length === 0) return null;

  const drillable = measure.drill && onDrill;
  return (
    <Stack gap={6} data-testid="report-chart" aria-label={measure.label}>
      <Text fw={600} size="sm">
        {measure.label}
      </Text>
      <EChart
        option={option}
        height={Math.max(120, bars.length * 32 + 24)}
        ariaLabel={measure.label}
        onItemClick={
          drillable
            ? (item) => {
                const bar = bars[item.dataIndex];
                if (bar && bar.value !== 0) onDrill({ row: bar.key, column: measure.key });
              }
            : undefined
        }
      />
      <VisuallyHidden component="ul">
        {bars.map((bar) => (
          <li key={bar.key} data-testid="report-bar">
            {bar.name}: {bar.shown}
          </li>
        ))}
      </VisuallyHidden>
    </Stack>
  );
}
