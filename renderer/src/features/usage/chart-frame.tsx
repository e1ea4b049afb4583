import type { ReactNode } from 'react';

/**
 * A chart with its title, a sentence saying what it shows (its accessible description), and its numbers as
 * a table for anyone who cannot read the drawing.
 */
export function ChartFrame(props: {
  id: string;
  title: string;
  description: string;
  note?: string;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <figure className="usage-chart" aria-labelledby={`${props.id}-title`} aria-describedby={`${props.id}-summary`}>
      <figcaption>
        <h4 id={`${props.id}-title`}>{props.title}</h4>
        <p id={`${props.id}-summary`} className="usage-chart-summary">
          {props.description}
        </p>
        {props.note && <p className="hint">{props.note}</p>}
      </figcaption>
      <div className="usage-chart-area">{props.chart}</div>
      <details className="usage-chart-table">
        <summary>{props.title}: the numbers</summary>
        {props.table}
      </details>
    </figure>
  );
}

/** Axis, grid and tooltip colours from the theme's variables, so a chart reads in light and dark alike. */
export const chartTheme = {
  tick: { fill: 'var(--muted)', fontSize: 12 },
  grid: 'var(--border)',
  tooltip: {
    contentStyle: {
      background: 'var(--panel)',
      border: '1px solid var(--border)',
      borderRadius: 6,
      color: 'var(--text)',
    },
    labelStyle: { color: 'var(--text)', fontWeight: 600 },
    itemStyle: { color: 'var(--text)' },
    cursor: { fill: 'color-mix(in srgb, var(--accent) 10%, transparent)' },
  },
  legend: (value: string) => <span className="usage-legend-text">{value}</span>,
} as const;
