import type Database from 'better-sqlite3';
import type { CachedModelList, FetchedModel } from '../models/types';

/** Each endpoint's model list as last fetched: one row per endpoint, replaced by each refresh. */
export interface ModelListTable {
  get(endpointId: string): CachedModelList | undefined;
  all(): CachedModelList[];
  put(list: CachedModelList): void;
  /** True when there was one. */
  remove(endpointId: string): boolean;
}

interface ModelListRow {
  endpoint_id: string;
  kind: string;
  base_url: string | null;
  fetched_at: string;
  models: string;
}

function fromRow(row: ModelListRow): CachedModelList {
  let models: FetchedModel[];
  try {
    const parsed: unknown = JSON.parse(row.models);
    models = Array.isArray(parsed) ? (parsed as FetchedModel[]) : [];
  } catch {
    // A damaged list is as good as none: the next refresh replaces it.
    models = [];
  }
  return { endpointId: row.endpoint_id, kind: row.kind, baseURL: row.base_url, fetchedAt: row.fetched_at, models };
}

/** The `model_lists` table (migration 4), with its statements prepared once; `guard` turns failures into STORAGE errors. */
export function createModelListTable(
  db: Database.Database,
  guard: <Args extends unknown[], T>(run: (...args: Args) => T) => (...args: Args) => T,
): ModelListTable {
  const select = db.prepare<[string], ModelListRow>('SELECT * FROM model_lists WHERE endpoint_id = ?');
  const selectAll = db.prepare<[], ModelListRow>('SELECT * FROM model_lists ORDER BY endpoint_id');
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO model_lists (endpoint_id, kind, base_url, fetched_at, models) VALUES (?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM model_lists WHERE endpoint_id = ?');
  return {
    get: guard((endpointId: string) => {
      const row = select.get(endpointId);
      return row ? fromRow(row) : undefined;
    }),
    all: guard(() => selectAll.all().map(fromRow)),
    put: guard((list: CachedModelList) => {
      upsert.run(list.endpointId, list.kind, list.baseURL, list.fetchedAt, JSON.stringify(list.models));
    }),
    remove: guard((endpointId: string) => remove.run(endpointId).changes > 0),
  };
}
