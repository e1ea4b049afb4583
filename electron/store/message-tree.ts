/** A message as the tree needs it: where it hangs, when it was chosen, and when it was written. */
export interface TreeRow {
  id: string;
  parentId: string | null;
  /** The version chosen last among its siblings has the highest rank. */
  activeRank: number;
  /** Written order (rowid): versions are listed in it, and it breaks ties of rank. */
  order: number;
}

export interface Branch {
  /** First message first. */
  ids: string[];
  /** For each message of the branch, every version of it (itself included), in written order. */
  versions: Map<string, string[]>;
}

function childrenByParent(rows: TreeRow[]): Map<string | null, TreeRow[]> {
  const children = new Map<string | null, TreeRow[]>();
  const ids = new Set(rows.map((row) => row.id));
  for (const row of [...rows].sort((a, b) => a.order - b.order)) {
    // A parent that is not in the conversation (never written by Switchboard) makes its child a first message.
    const parentId = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const siblings = children.get(parentId);
    if (siblings) siblings.push(row);
    else children.set(parentId, [row]);
  }
  return children;
}

const chosen = (siblings: TreeRow[]): TreeRow =>
  siblings.reduce((best, row) =>
    row.activeRank > best.activeRank || (row.activeRank === best.activeRank && row.order > best.order) ? row : best,
  );

function withVersions(ids: string[], rows: TreeRow[], children: Map<string | null, TreeRow[]>): Branch {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const versions = new Map<string, string[]>();
  for (const id of ids) {
    const parentId = byId.get(id)?.parentId ?? null;
    const siblings = children.get(byId.has(parentId ?? '') ? parentId : null) ?? [];
    versions.set(
      id,
      siblings.map((row) => row.id),
    );
  }
  return { ids, versions };
}

/** The active branch: from the first messages down, the version chosen last at each step. */
export function activeBranch(rows: TreeRow[]): Branch {
  const children = childrenByParent(rows);
  const ids: string[] = [];
  let siblings = children.get(null);
  while (siblings && siblings.length > 0) {
    const next = chosen(siblings);
    ids.push(next.id);
    siblings = children.get(next.id);
  }
  return withVersions(ids, rows, children);
}

/** From the first message down to `messageId` (empty when it is not there). */
export function branchTo(rows: TreeRow[], messageId: string): Branch {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let row = byId.get(messageId); row && !seen.has(row.id); row = byId.get(row.parentId ?? '')) {
    seen.add(row.id);
    ids.unshift(row.id);
  }
  return withVersions(ids, rows, childrenByParent(rows));
}
