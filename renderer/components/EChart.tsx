// An ECharts chart: created on mount, given a new option whenever its option object changes (options are built by
// pure functions in renderer/charts), resized with its box, and disposed on unmount. Each chart exports itself as a
// PNG. Only the chart types the screens use are registered, to keep the bundle small.

import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { downloadDataUrl, exportFileName } from './file-download';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface EChartProps {
  /** Names the chart for assistive technology and its PNG file. */
  title: string;
  option: EChartsOption;
  heightPx?: number;
}

export function EChart({ title, option, heightPx = 320 }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const created = init(element, undefined, { renderer: 'canvas' });
    chart.current = created;
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  function exportPng(): void {
    const current = chart.current;
    if (current === null) return;
    downloadDataUrl(current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), exportFileName(title, 'png'));
  }

  return (
    <figure className="chart">
      <div className="chart-toolbar">
        <figcaption>{title}</figcaption>
        <button type="button" className="export-button" onClick={exportPng}>
          Export PNG
        </button>
      </div>
      <div ref={box} className="chart-canvas" style={{ height: heightPx }} role="img" aria-label={title} />
    </figure>
  );
}
