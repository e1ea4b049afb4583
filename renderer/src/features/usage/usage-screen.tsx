import { lazy, Suspense, useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { BudgetNotice } from './budget-notice';
import { BudgetsPanel } from './budgets-panel';
import { CallsTable } from './calls-table';
import { ExportButtons } from './export-buttons';
import { SpendTable } from './spend-table';
import { UsageFilters } from './usage-filters';
import { UsageTotals } from './usage-totals';
import './usage.css';

// Recharts is large: it loads with this screen, not with Chat.
const UsageCharts = lazy(() => import('./usage-charts'));

/** What the calls cost and how they went: filters, totals, charts, the calls with their routing, budgets. */
export function UsageScreen() {
  const loadUsage = useAppStore((state) => state.loadUsage);
  const byModel = useAppStore((state) => state.usageReport?.byModel);
  useEffect(() => {
    void loadUsage();
  }, [loadUsage]);
  return (
    <section aria-labelledby="usage-title" className="screen usage-screen">
      <div className="toolbar">
        <h2 id="usage-title">Usage</h2>
        <button type="button" onClick={() => void loadUsage()}>
          Refresh
        </button>
        <ExportButtons />
      </div>
      <BudgetNotice isOnUsage />
      <UsageFilters />
      <UsageTotals />
      <section aria-labelledby="charts-title">
        <h3 id="charts-title">Charts</h3>
        <Suspense fallback={<p className="hint">Drawing the charts…</p>}>
          <UsageCharts />
        </Suspense>
      </section>
      <h3>By model</h3>
      <SpendTable byModel={byModel ?? []} />
      <h3>Calls</h3>
      <CallsTable />
      <BudgetsPanel />
    </section>
  );
}
