import type { StateCreator } from 'zustand';
import type { UsageFilter } from '../../../shared/contract';
import { call } from './call';
import type { AppState, UsageFilterForm } from './types';

type UsageSlice = Pick<
  AppState,
  | 'usageFilter'
  | 'usageReport'
  | 'usageCalls'
  | 'budgets'
  | 'loadUsage'
  | 'setUsageFilter'
  | 'loadOlderCalls'
  | 'exportUsage'
  | 'loadBudgets'
  | 'saveBudget'
  | 'removeBudget'
>;

/** Calls per page of the list; the export reads bigger pieces. */
const pageSize = 50;
const exportPieceSize = 1000;

/** The form's filter as the core takes it: empty fields left out. */
export function toUsageFilter(form: UsageFilterForm): UsageFilter {
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')) as UsageFilter;
}

export const emptyUsageFilter: UsageFilterForm = {
  since: '',
  until: '',
  model: '',
  endpoint: '',
  route: '',
  status: '',
  source: '',
};

export const createUsageSlice: StateCreator<AppState, [], [], UsageSlice> = (set, get) => ({
  usageFilter: emptyUsageFilter,
  usageReport: null,
  usageCalls: null,
  budgets: null,
  async loadUsage() {
    const filter = get().usageFilter;
    const [report, calls] = await Promise.all([
      call(get, set, 'usage.report', toUsageFilter(filter)),
      call(get, set, 'usage.calls', { ...toUsageFilter(filter), limit: pageSize }),
      get().loadBudgets(),
    ]);
    // A newer filter was chosen while this one loaded: its own load wins.
    if (get().usageFilter !== filter) return;
    set({ usageReport: report ?? get().usageReport, usageCalls: calls ?? get().usageCalls });
  },
  async setUsageFilter(filter) {
    set({ usageFilter: { ...get().usageFilter, ...filter } });
    await get().loadUsage();
  },
  async loadOlderCalls() {
    const { usageCalls, usageFilter } = get();
    if (!usageCalls?.next) return;
    const page = await call(get, set, 'usage.calls', {
      ...toUsageFilter(usageFilter),
      cursor: usageCalls.next,
      limit: pageSize,
    });
    if (page && get().usageFilter === usageFilter) {
      set({ usageCalls: { records: [...usageCalls.records, ...page.records], next: page.next } });
    }
  },
  async exportUsage(format, onProgress) {
    const filter = toUsageFilter(get().usageFilter);
    const pieces: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const piece = await call(get, set, 'usage.export', {
        ...filter,
        format,
        limit: exportPieceSize,
        ...(cursor ? { cursor } : {}),
      });
      if (!piece) return null;
      pieces.push(piece.text);
      calls += piece.count;
      onProgress(calls);
      cursor = piece.next ?? undefined;
    } while (cursor);
    return pieces;
  },
  async loadBudgets() {
    const budgets = await call(get, set, 'budgets.status', {});
    if (budgets) set({ budgets });
  },
  async saveBudget(budget) {
    const bridge = get().bridge;
    if (!bridge) return 'Not connected to Switchboard.';
    const result = await bridge.request('budgets.save', budget);
    if (!result.ok) return result.error.message;
    set({ budgets: result.data });
    return null;
  },
  async removeBudget(endpointId) {
    const budgets = await call(get, set, 'budgets.remove', { endpointId });
    if (budgets) set({ budgets });
  },
});
