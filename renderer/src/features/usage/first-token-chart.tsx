import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelLatency } from '../../../../shared/contract';
import { chartTheme, ChartFrame } from './chart-frame';
import { describeLatency, formatLatency, seriesColor } from './chart-series';

/** Time to first token of each model: median and 95th percentile. */
export function FirstTokenChart({
  latencies,
  isPartlyFiltered,
}: {
  latencies: ModelLatency[];
  isPartlyFiltered: boolean;
}) {
  const description = describeLatency(latencies);
  return (
    <ChartFrame
      id="first-token-chart"
      title="Time to first token by model"
      description={description}
      note={
        isPartlyFiltered
          ? 'First-token times are kept by day, model and source: this chart covers every status and route.'
          : undefined
      }
      chart={
        <ResponsiveContainer width="100%" height={Math.max(120, 56 + latencies.length * 44)}>
          <BarChart data={latencies} layout="vertical" title="Time to first token by model" desc={description}>
            <CartesianGrid stroke={chartTheme.grid} horizontal={false} />
            <XAxis type="number" tick={chartTheme.tick} stroke={chartTheme.grid} tickFormatter={formatLatency} />
            <YAxis type="category" dataKey="model" tick={chartTheme.tick} stroke={chartTheme.grid} width={170} />
            <Tooltip {...chartTheme.tooltip} formatter={(value) => formatLatency(Number(value))} />
            <Legend formatter={chartTheme.legend} />
            <Bar dataKey="medianMs" name="Median" maxBarSize={18} fill={seriesColor(0)} isAnimationActive={false} />
            <Bar dataKey="p95Ms" name="p95" maxBarSize={18} fill={seriesColor(1)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table aria-label="Time to first token by model">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Calls with a first token</th>
              <th scope="col">Median</th>
              <th scope="col">p95</th>
            </tr>
          </thead>
          <tbody>
            {latencies.map((latency) => (
              <tr key={latency.model}>
                <th scope="row">{latency.model}</th>
                <td>{latency.calls.toLocaleString('en-US')}</td>
                <td>{formatLatency(latency.medianMs)}</td>
                <td>{formatLatency(latency.p95Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
