import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** `3 min ago`, `2 h ago`, `on 1 Nov`: when a list was fetched, in words. */
export function fetchedAgo(fetchedAt: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(fetchedAt)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `on ${new Date(fetchedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

/** An endpoint's fetched model list: how many, when, why the last fetch failed, and a way to fetch it again. */
export function ModelListStatus({ endpointId }: { endpointId: string }) {
  const { entry, state, refreshModels } = useAppStore(
    useShallow((store) => ({
      entry: store.catalog.find((candidate) => candidate.endpointId === endpointId),
      state: store.modelLists[endpointId],
      refreshModels: store.refreshModels,
    })),
  );
  const fetched = entry?.models.filter((model) => model.isFetched).length ?? 0;
  const summary = entry?.fetchedAt
    ? `${fetched} ${fetched === 1 ? 'model' : 'models'} listed by ${endpointId}, fetched ${fetchedAgo(entry.fetchedAt)}.`
    : `The model list of ${endpointId} has not been fetched yet.`;
  return (
    <div className="inline-form model-list-status">
      <p className="hint">{summary}</p>
      <button type="button" disabled={state?.isRefreshing} onClick={() => void refreshModels(endpointId)}>
        {state?.isRefreshing ? 'Fetching models…' : 'Refresh models'}
      </button>
      {state?.problem && <p className="field-error">Could not fetch the model list: {state.problem}</p>}
    </div>
  );
}
