import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { budgetWarnings } from './budget-text';

/**
 * Budgets near or past their limit, as a notice above Chat and Compare (and the Usage screen): read again
 * each time an answer ends, since it may have spent the rest.
 */
export function BudgetNotice({ isOnUsage = false }: { isOnUsage?: boolean }) {
  const budgets = useAppStore((state) => state.budgets);
  const loadBudgets = useAppStore((state) => state.loadBudgets);
  const setScreen = useAppStore((state) => state.setScreen);
  const finished = useAppStore(
    (state) => Object.values(state.streams).filter((stream) => stream.status !== 'streaming').length,
  );
  const [dismissed, setDismissed] = useState<string[]>([]);
  useEffect(() => {
    void loadBudgets();
  }, [loadBudgets, finished]);
  const warnings = budgetWarnings(budgets).filter(({ warning }) => isOnUsage || !dismissed.includes(warning));
  if (warnings.length === 0) return null;
  const isStopped = warnings.some(({ budget }) => budget.state === 'reached' && budget.whenReached === 'stop');
  return (
    <div
      role={isStopped ? 'alert' : 'status'}
      aria-label="Budgets"
      className={`notice budget-notice budget-${isStopped ? 'stopped' : 'warning'}`}
    >
      <ul>
        {warnings.map(({ budget, warning }) => (
          <li key={budget.endpointId ?? ''}>{warning}</li>
        ))}
      </ul>
      {!isOnUsage && (
        <div className="budget-notice-actions">
          <button type="button" onClick={() => setScreen('usage')}>
            Open Usage › Budgets
          </button>
          <button
            type="button"
            aria-label="Dismiss the budget warning"
            onClick={() => setDismissed([...dismissed, ...warnings.map(({ warning }) => warning)])}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
