import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import type { UsageFilterForm } from '../../store/types';
import { emptyUsageFilter } from '../../store/usage-slice';

const statuses: [UsageFilterForm['status'], string][] = [
  ['', 'Any status'],
  ['ok', 'ok'],
  ['error', 'error'],
  ['cancelled', 'cancelled'],
  ['interrupted', 'interrupted'],
];

/** `YYYY-MM-DD` of a day (UTC) `daysAgo` before today. */
const utcDay = (daysAgo = 0) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const monthStart = () => `${utcDay().slice(0, 8)}01`;

/** Which calls the screen looks at: every total, chart, list and export follows these. */
export function UsageFilters() {
  const { filter, choices, setFilter } = useAppStore(
    useShallow((state) => ({
      filter: state.usageFilter,
      choices: state.usageReport?.choices,
      setFilter: state.setUsageFilter,
    })),
  );
  const choose = (name: 'model' | 'endpoint' | 'route', label: string, options: string[] = []) => (
    <label className="field">
      <span>{label}</span>
      <select value={filter[name]} onChange={(event) => void setFilter({ [name]: event.target.value })}>
        <option value="">Any {label.toLowerCase()}</option>
        {/* A value chosen before is kept even when no call has it any more. */}
        {[...new Set([...options, ...(filter[name] ? [filter[name]] : [])])].map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </label>
  );
  const isFiltered = Object.values(filter).some((value) => value !== '');
  const isBackwards = filter.since !== '' && filter.until !== '' && filter.since > filter.until;
  return (
    <form
      className="usage-filters"
      role="search"
      aria-label="Filter calls"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="usage-dates">
        <legend>Days (UTC)</legend>
        <label className="field">
          <span>From</span>
          <input
            type="date"
            value={filter.since}
            aria-invalid={isBackwards}
            aria-describedby={isBackwards ? 'usage-dates-error' : undefined}
            onChange={(event) => void setFilter({ since: event.target.value })}
          />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={filter.until} onChange={(event) => void setFilter({ until: event.target.value })} />
        </label>
        {isBackwards && (
          <p id="usage-dates-error" role="alert" className="form-error">
            From is after To, so no day matches: pick a From on or before the To.
          </p>
        )}
        <div className="usage-presets" role="group" aria-label="Date ranges">
          <button type="button" onClick={() => void setFilter({ since: monthStart(), until: '' })}>
            This month
          </button>
          <button type="button" onClick={() => void setFilter({ since: utcDay(29), until: '' })}>
            Last 30 days
          </button>
          <button type="button" onClick={() => void setFilter({ since: '', until: '' })}>
            All time
          </button>
        </div>
      </fieldset>
      {choose('model', 'Model', choices?.models)}
      {choose('endpoint', 'Endpoint', choices?.endpoints)}
      {choose('route', 'Route', choices?.routes)}
      <label className="field">
        <span>Status</span>
        <select
          value={filter.status}
          onChange={(event) => void setFilter({ status: event.target.value as UsageFilterForm['status'] })}
        >
          {statuses.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Source</span>
        <select
          value={filter.source}
          onChange={(event) => void setFilter({ source: event.target.value as UsageFilterForm['source'] })}
        >
          <option value="">App and local API</option>
          <option value="app">App</option>
          <option value="api">Local API</option>
        </select>
      </label>
      <button type="button" disabled={!isFiltered} onClick={() => void setFilter(emptyUsageFilter)}>
        Clear filters
      </button>
    </form>
  );
}
