import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageDay } from '../../../../shared/contract';
import { formatCost } from '../../ui/format';
import { chartTheme, ChartFrame } from './chart-frame';
import { costSeries, describeCost, seriesColor } from './chart-series';

/** What each day cost, stacked by model (priced calls, estimates included). */
export function CostChart({ days }: { days: UsageDay[] }) {
  const { names, rows } = costSeries(days);
  const description = describeCost(days, names, rows);
  return (
    <ChartFrame
      id="cost-chart"
      title="Cost per day by model"
      description={description}
      chart={
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} title="Cost per day by model" desc={description}>
            <CartesianGrid stroke={chartTheme.grid} vertical={false} />
            <XAxis dataKey="day" tick={chartTheme.tick} stroke={chartTheme.grid} />
            <YAxis
              tick={chartTheme.tick}
              stroke={chartTheme.grid}
              tickFormatter={(value: number) => formatCost(value)}
              width={72}
            />
            <Tooltip {...chartTheme.tooltip} formatter={(value) => formatCost(Number(value))} />
            <Legend formatter={chartTheme.legend} />
            {names.map((name, index) => (
              <Bar
                key={name}
                dataKey={`s${index}`}
                name={name}
                stackId="cost"
                maxBarSize={56}
                fill={seriesColor(index)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table aria-label="Cost per day by model">
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              {names.map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                {names.map((name, index) => (
                  <td key={name}>{formatCost(row[`s${index}`] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
