import { Box, Center, Loader, Text } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  option: EChartsOption;
  height: number;
  /** What the chart shows, for screen readers (the chart is one image to them). */
  label: string;
  /** `data-chart` name, for tests and screenshots. */
  name: string;
}

/**
 * One ECharts chart. ECharts is fetched with the first chart (`./echarts.ts`, its own chunk),
 * follows the box's size, and is disposed with the component. Pass a memoised `option`: every new
 * object redraws the chart.
 */
export function EChart({ option, height, label, name }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    import('./echarts.ts').then(
      ({ init }) => {
        if (disposed || !box.current) return;
        instance = init(box.current, undefined, { renderer: 'svg' });
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(box.current);
        setChart(instance);
      },
      () => setFailed(true),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <Box pos="relative" h={height}>
      <div ref={box} role="img" aria-label={label} data-chart={name} data-ready={chart ? 'true' : 'false'} style={{ width: '100%', height }} />
      {!chart && (
        <Center pos="absolute" inset={0}>
          {failed ? <Text size="sm" c="red.8">{t('console.reports.charts.failed')}</Text> : <Loader size="sm" role="status" aria-label={t('console.reports.charts.loading')} />}
        </Center>
      )}
    </Box>
  );
}
