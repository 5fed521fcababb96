import { Box, Loader } from '@mantine/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type ChartClick = { name: string; dataIndex: number; seriesIndex: number; value: unknown };

type Props = {
  option: EChartsCoreOption;
  height?: number;
  /** Called when a bar, point or slice is clicked: the place to open a drill-down. */
  onItemClick?: (item: ChartClick) => void;
  testId?: string;
  ariaLabel?: string;
};

/**
 * An ECharts chart that loads the library on first use (it is not needed on most pages), follows its
 * container's width and replaces its option whenever the option object changes.
 */
export function EChart({ option, height = 280, onItemClick, testId, ariaLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onItemClick);
  clickHandler.current = onItemClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !container.current) return;
      const instance = echarts.init(container.current, undefined, { renderer: 'svg' });
      instance.on('click', (params) => {
        clickHandler.current?.({
          name: String(params.name ?? ''),
          dataIndex: params.dataIndex ?? -1,
          seriesIndex: params.seriesIndex ?? 0,
          value: params.value,
        });
      });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(container.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  return (
    <Box pos="relative" h={height} data-testid={testId} aria-label={ariaLabel} role="img">
      <div ref={container} style={{ width: '100%', height: '100%' }} />
      {ready ? null : <Loader size="sm" pos="absolute" top="45%" left="50%" />}
    </Box>
  );
}
