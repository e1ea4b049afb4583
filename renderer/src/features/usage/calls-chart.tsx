import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageDay } from '../../../../shared/contract';
import { chartTheme, ChartFrame } from './chart-frame';
import { callSeries, describeCalls, seriesColor } from './chart-series';

/** Calls per day, and those that needed a failover (or a retry). */
export function CallsChart({ days }: { days: UsageDay[] }) {
  const rows = callSeries(days);
  const description = describeCalls(days, rows);
  const isDotted = rows.length <= 31;
  return (
    <ChartFrame
      id="calls-chart"
      title="Calls and failovers per day"
      description={description}
      chart={
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={rows} title="Calls and failovers per day" desc={description}>
            <CartesianGrid stroke={chartTheme.grid} vertical={false} />
            <XAxis dataKey="day" tick={chartTheme.tick} stroke={chartTheme.grid} />
            <YAxis tick={chartTheme.tick} stroke={chartTheme.grid} allowDecimals={false} width={56} />
            <Tooltip {...chartTheme.tooltip} />
            <Legend formatter={chartTheme.legend} />
            <Line
              dataKey="s0"
              name="Calls"
              stroke={seriesColor(0)}
              strokeWidth={2}
              dot={isDotted}
              isAnimationActive={false}
            />
            <Line
              dataKey="s1"
              name="With a failover"
              stroke={seriesColor(1)}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={isDotted}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <table aria-label="Calls and failovers per day">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Calls</th>
              <th scope="col">With a failover</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                <td>{row.s0}</td>
                <td>{row.s1}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
