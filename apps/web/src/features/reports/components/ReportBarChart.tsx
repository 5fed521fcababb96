import { Box, Group, Stack, Text } from '@mantine/core';
import type { ReportTable } from '@voronka/domain';
import { formatReportCell, isNumericColumn } from '../format-cell';

type Props = {
  table: ReportTable;
};

/**
 * The report's first numeric column (the first that is not all zeros) as one bar per row. Plain boxes, not ECharts: the chart library is
 * not installed in the web app yet.
 */
export function ReportBarChart({ table }: Props) {
  const numeric = table.columns.filter((column) => isNumericColumn(column.type));
  // The first numeric column, unless it is all zeros over the period: a flat chart says nothing.
  const measure =
    numeric.find((column) => table.rows.some((row) => Number(row.cells[column.key] ?? 0) !== 0)) ??
    numeric[0];
  const label = table.columns.find((column) => column.type !== 'id' && !isNumericColumn(column.type));
  if (!measure || table.rows.length === 0) return null;

  const bars = table.rows.map((row) => {
    const value = row.cells[measure.key];
    return {
      key: row.key,
      name: label ? formatReportCell(row.cells[label.key] ?? null, label.type) : row.key,
      value: typeof value === 'number' ? value : 0,
      shown: formatReportCell(value ?? null, measure.type),
    };
  });
  const largest = Math.max(...bars.map((bar) => Math.abs(bar.value)), 0);

  return (
    <Stack gap={6} data-testid="report-chart" aria-label={measure.label}>
      <Text fw={600} size="sm">
        {measure.label}
      </Text>
      {bars.map((bar) => (
        <Group key={bar.key} gap="sm" wrap="nowrap" data-testid="report-bar">
          <Text size="sm" w={200} truncate="end" title={bar.name}>
            {bar.name}
          </Text>
          <Box style={{ flex: 1 }}>
            <Box
              h={18}
              bg="blue.6"
              style={{
                width: `${largest > 0 ? (Math.abs(bar.value) / largest) * 100 : 0}%`,
                minWidth: bar.value ? 2 : 0,
                borderRadius: 3,
              }}
            />
          </Box>
          <Text size="sm" w={120} ta="right">
            {bar.shown}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
