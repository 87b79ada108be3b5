import { useEffect, useRef, useState } from 'react';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { useI18n } from '../lib/i18n/i18n';
import { loadEcharts } from './load-echarts';

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
 *
 * ECharts itself (the largest library the app uses) is fetched on the first chart a visit draws and shared
 * by every chart after, so a route's tables and figures do not wait for it. Until it is there the box keeps
 * its height and says `data-state="loading"`.
 *
 * The canvas says `data-chart="drawing"` from each `setOption` until ECharts reports the drawing finished
 * (animation included), then `data-chart="drawn"`: what a reader of the DOM (a test, a screenshot) waits for
 * instead of guessing how long an animation lasts. A reader who asked the system for reduced motion gets the
 * charts without animation (WCAG 2.3.3).
 */
export function EChart({ option, label, height = 320, onClick, className, testId }: EChartProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const optionRef = useRef(option);
  optionRef.current = option;
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a retry (`attempt`) re-runs the init on purpose
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    loadEcharts().then(
      ({ echarts }) => {
        if (disposed) return;
        const instance = echarts.init(el, null, { renderer: 'canvas' });
        chart.current = instance;
        instance.on('click', (e) => clickRef.current?.(e as ECElementEvent));
        instance.on('finished', () => {
          el.dataset.chart = 'drawn';
        });
        draw(instance, el, optionRef.current);
        const observer = new ResizeObserver(() => instance.resize());
        observer.observe(el);
        // Printing changes the page width without a resize of the container's observer in every browser.
        const onPrint = () => instance.resize();
        window.addEventListener('beforeprint', onPrint);
        window.addEventListener('afterprint', onPrint);
        cleanup = () => {
          observer.disconnect();
          window.removeEventListener('beforeprint', onPrint);
          window.removeEventListener('afterprint', onPrint);
          instance.dispose();
          chart.current = null;
        };
        setState('ready');
      },
      () => {
        if (!disposed) setState('error');
      },
    );
    return () => {
      disposed = true;
      cleanup();
    };
  }, [attempt]);

  useEffect(() => {
    if (chart.current && ref.current) draw(chart.current, ref.current, option);
  }, [option]);

  useEffect(() => {
    if (ref.current) ref.current.style.cursor = onClick ? 'pointer' : 'default';
  }, [onClick]);

  return (
    <div
      className={className}
      style={{ position: 'relative', width: '100%', height }}
      data-state={state === 'ready' ? undefined : state}
      aria-busy={state === 'loading'}
    >
      <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height: '100%' }} />
      {state === 'error' && (
        <div className="chart-error" role="alert">
          {t('loadError')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setState('loading');
              setAttempt((n) => n + 1);
            }}
          >
            {t('retry')}
          </button>
        </div>
      )}
    </div>
  );
}

const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** One `setOption`, marking the canvas as drawing until ECharts' `finished` event marks it drawn. */
function draw(instance: EChartsType, el: HTMLElement, option: EChartsCoreOption): void {
  el.dataset.chart = 'drawing';
  instance.setOption(prefersReducedMotion() ? { ...option, animation: false } : option, { notMerge: true });
}
