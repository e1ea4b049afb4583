import { useAppStore } from '../../store/app-store';
import { CallsChart } from './calls-chart';
import { CostChart } from './cost-chart';
import { FirstTokenChart } from './first-token-chart';

/** The three charts of the matching calls; loaded with the Usage screen only (Recharts is large). */
export default function UsageCharts() {
  const report = useAppStore((state) => state.usageReport);
  const isPartlyFiltered = useAppStore((state) => state.usageFilter.status !== '' || state.usageFilter.route !== '');
  if (!report) return null;
  return (
    <div className="usage-charts">
      <CostChart days={report.days} />
      <FirstTokenChart latencies={report.firstToken} isPartlyFiltered={isPartlyFiltered} />
      <CallsChart days={report.days} />
    </div>
  );
}
