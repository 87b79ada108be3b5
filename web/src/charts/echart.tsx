import { useEffect, useRef } from 'react';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { echarts } from './echarts';

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  height?: number | string;
  onClick?: (event: ECElementEvent) => void;
  className?: string;
  testId?: string;
}

/**
 * The one chart component: init once, `setOption` when the option changes, follow the container's size,
 * dispose on unmount. Options come from the pure builders in `charts/options`.
 */
export function EChart({ option, label, height = 320, onClick, className, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => clickRef.current?.(e as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    // Printing changes the page width without a resize of the container's observer in every browser.
    const onPrint = () => instance.resize();
    window.addEventListener('beforeprint', onPrint);
    window.addEventListener('afterprint', onPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', onPrint);
      window.removeEventListener('afterprint', onPrint);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (ref.current) ref.current.style.cursor = onClick ? 'pointer' : 'default';
  }, [onClick]);

  return <div ref={ref} role="img" aria-label={label} className={className} data-testid={testId} style={{ width: '100%', height }} />;
}
