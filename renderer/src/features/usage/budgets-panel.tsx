import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BudgetStatus } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { budgetName, budgetUse } from './budget-text';

/** Monthly limits overall and per endpoint: what each has used this month, and setting or removing one. */
export function BudgetsPanel() {
  const { budgets, endpoints, removeBudget } = useAppStore(
    useShallow((state) => ({ budgets: state.budgets, endpoints: state.endpoints, removeBudget: state.removeBudget })),
  );
  const resets = budgets
    ? new Date(budgets.resetsAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' })
    : '';
  return (
    <section aria-labelledby="budgets-title" className="budgets">
      <h3 id="budgets-title">Budgets</h3>
      <p className="hint">
        Monthly, counted in UTC{resets && ` (this month's count starts again on ${resets})`}. Priced calls count,
        estimated ones included; calls without a price do not. At the limit a budget either warns or stops new calls, in
        the app and through the local API; an answer already streaming is finished.
      </p>
      {budgets && budgets.budgets.length === 0 && <p>No budget yet: set one below.</p>}
      <ul className="budget-list">
        {budgets?.budgets.map((budget) => (
          <BudgetItem
            key={budget.endpointId ?? ''}
            budget={budget}
            onRemove={() => void removeBudget(budget.endpointId)}
          />
        ))}
      </ul>
      <BudgetForm endpointIds={endpoints.map((endpoint) => endpoint.id)} />
    </section>
  );
}

function BudgetItem({ budget, onRemove }: { budget: BudgetStatus; onRemove(): void }) {
  const name = budgetName(budget.endpointId);
  const state = { under: 'under its warning', near: 'near its limit', reached: 'reached' }[budget.state];
  return (
    <li className={`budget budget-${budget.state}`} aria-label={`Budget for ${name}`}>
      <div className="budget-head">
        <strong>{budget.endpointId === null ? 'All endpoints' : budget.endpointId}</strong>
        <span>{budgetUse(budget)}</span>
        <span className="budget-state">{state}</span>
      </div>
      <meter
        min={0}
        max={budget.monthlyUSD}
        value={Math.min(budget.spentUSD, budget.monthlyUSD)}
        low={(budget.monthlyUSD * budget.warnAtPercent) / 100}
        high={budget.monthlyUSD * 0.999}
        optimum={0}
        aria-label={`Spent of the budget for ${name}`}
      />
      <p className="hint">
        Warns from {budget.warnAtPercent}%; at the limit it{' '}
        {budget.whenReached === 'stop' ? 'stops new calls' : 'warns only'}.
      </p>
      <button type="button" className="danger" onClick={onRemove} aria-label={`Remove the budget for ${name}`}>
        Remove
      </button>
    </li>
  );
}

function BudgetForm({ endpointIds }: { endpointIds: string[] }) {
  const saveBudget = useAppStore((state) => state.saveBudget);
  const loadSettings = useAppStore((state) => state.loadSettings);
  const [scope, setScope] = useState('');
  const [limit, setLimit] = useState('');
  const [warnAt, setWarnAt] = useState('80');
  const [whenReached, setWhenReached] = useState<'warn' | 'stop'>('warn');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const monthlyUSD = Number(limit);
    if (!limit.trim() || !Number.isFinite(monthlyUSD) || monthlyUSD <= 0) {
      setError('Write the monthly limit in dollars, above 0 (e.g. 20).');
      return;
    }
    const warnAtPercent = Number(warnAt);
    if (!Number.isInteger(warnAtPercent) || warnAtPercent < 1 || warnAtPercent > 100) {
      setError('The warning starts at a whole percent from 1 to 100 (e.g. 80).');
      return;
    }
    const problem = await saveBudget({ endpointId: scope || null, monthlyUSD, warnAtPercent, whenReached });
    setError(problem);
    if (!problem) setLimit('');
  }

  return (
    <form className="endpoint-form budget-form" aria-label="Set a budget" onSubmit={(event) => void submit(event)}>
      <h4>Set a budget</h4>
      <label className="field">
        <span>For</span>
        <select value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="">All endpoints together</option>
          {endpointIds.map((id) => (
            <option key={id} value={id}>
              Endpoint {id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Monthly limit (USD)</span>
        <input
          type="number"
          min="0"
          step="any"
          inputMode="decimal"
          value={limit}
          aria-invalid={error !== null && error.includes('limit')}
          aria-describedby={error ? 'budget-error' : undefined}
          onChange={(event) => setLimit(event.target.value)}
        />
      </label>
      <label className="field">
        <span>Warn from (% of the limit)</span>
        <input
          type="number"
          min="1"
          max="100"
          step="1"
          value={warnAt}
          onChange={(event) => setWarnAt(event.target.value)}
        />
      </label>
      <label className="field">
        <span>At the limit</span>
        <select value={whenReached} onChange={(event) => setWhenReached(event.target.value as 'warn' | 'stop')}>
          <option value="warn">Warn, keep calling</option>
          <option value="stop">Stop new calls</option>
        </select>
      </label>
      <button type="submit" className="primary">
        Save budget
      </button>
      {error && (
        <p id="budget-error" role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
