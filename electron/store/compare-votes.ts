import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CompareVote, VoteOutcome } from '../../shared/contract/compare-votes';

/**
 * Blind votes of Compare. A new table only, so it applies on any earlier schema and touches no existing row.
 * No foreign key to `compare_sessions`: a vote stays on the leaderboard when its compare is deleted.
 */
export const compareVotesMigration = `
  CREATE TABLE compare_votes (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    model_ids TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('win', 'tie', 'both-bad')),
    winner TEXT,
    session_id TEXT,
    round_id TEXT UNIQUE,
    CHECK ((outcome = 'win') = (winner IS NOT NULL))
  );
  CREATE INDEX compare_votes_by_time ON compare_votes (created_at);
`;

export interface NewVote {
  modelIds: string[];
  outcome: VoteOutcome;
  winner: string | null;
  sessionId: string | null;
  roundId: string | null;
}

/** The `compare_votes` table; `guard` turns SQLite's failures into STORAGE errors. */
export interface CompareVoteTable {
  /** Keeps a vote; undefined when its round already has one. */
  add(vote: NewVote, now?: Date): CompareVote | undefined;
  /** Oldest first. */
  all(): CompareVote[];
  /** Deletes every vote; answers how many there were. */
  clear(): number;
}

interface VoteRow {
  id: string;
  created_at: string;
  model_ids: string;
  outcome: VoteOutcome;
  winner: string | null;
  session_id: string | null;
  round_id: string | null;
}

function fromRow(row: VoteRow): CompareVote {
  return {
    id: row.id,
    createdAt: row.created_at,
    modelIds: JSON.parse(row.model_ids) as string[],
    outcome: row.outcome,
    winner: row.winner,
    sessionId: row.session_id,
    roundId: row.round_id,
  };
}

export function createCompareVoteTable(
  db: Database.Database,
  guard: <Args extends unknown[], T>(run: (...args: Args) => T) => (...args: Args) => T,
): CompareVoteTable {
  const insert = db.prepare(
    `INSERT INTO compare_votes (id, created_at, model_ids, outcome, winner, session_id, round_id)
     VALUES (@id, @created_at, @model_ids, @outcome, @winner, @session_id, @round_id)
     ON CONFLICT (round_id) DO NOTHING`,
  );
  const selectAll = db.prepare<[], VoteRow>('SELECT * FROM compare_votes ORDER BY created_at, rowid');
  const deleteAll = db.prepare('DELETE FROM compare_votes');
  return {
    add: guard((vote: NewVote, now = new Date()) => {
      const row: VoteRow = {
        id: randomUUID(),
        created_at: now.toISOString(),
        model_ids: JSON.stringify(vote.modelIds),
        outcome: vote.outcome,
        winner: vote.winner,
        session_id: vote.sessionId,
        round_id: vote.roundId,
      };
      return insert.run(row).changes === 1 ? fromRow(row) : undefined;
    }),
    all: guard(() => selectAll.all().map(fromRow)),
    clear: guard(() => deleteAll.run().changes),
  };
}
