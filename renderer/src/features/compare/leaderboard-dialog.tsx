import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ConfirmGroup } from '../../ui/confirm-group';
import { TableHead } from '../../ui/table-head';
import './blind-mode.css';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The "Leaderboard" button of Compare and the dialog it opens: every model's blind votes, best rating first. */
export function LeaderboardDialog() {
  const [isOpen, setIsOpen] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const { leaderboard, problem, loadLeaderboard, resetLeaderboard } = useAppStore(
    useShallow((state) => ({
      leaderboard: state.blind.leaderboard,
      problem: state.blind.leaderboardProblem,
      loadLeaderboard: state.loadLeaderboard,
      resetLeaderboard: state.resetLeaderboard,
    })),
  );
  return (
    <Dialog.Root
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        setIsConfirming(false);
        if (open) void loadLeaderboard();
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button">Leaderboard</button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog leaderboard">
          <Dialog.Title className="dialog-title">Leaderboard</Dialog.Title>
          <Dialog.Description className="hint">
            From your blind votes in Compare, kept on this computer. The rating is a Bradley–Terry fit on the Elo scale
            (1000 is even; 400 points more is 10 to 1 odds); a tie or “both bad” counts half a win for each.
          </Dialog.Description>
          {problem && (
            <p className="answer-error" role="alert">
              {problem}
            </p>
          )}
          {leaderboard === null ? (
            !problem && <p className="hint">Reading the votes…</p>
          ) : leaderboard.rows.length === 0 ? (
            <p className="leaderboard-empty">
              No votes yet. Turn on <strong>Blind mode</strong> in Compare, compare two or more models, and pick the
              better answer (or Tie, or Both bad): each vote counts here.
            </p>
          ) : (
            <>
              <div className="table-wrap">
                <table aria-label="Models by rating">
                  <TableHead columns={['Rank', 'Model', 'Rating', 'Win rate', 'Votes', 'Won', 'Tied', 'Lost']} />
                  <tbody>
                    {leaderboard.rows.map((row, index) => (
                      <tr key={row.modelId}>
                        <td>{index + 1}</td>
                        <th scope="row" className="leaderboard-model">
                          {row.modelId}
                        </th>
                        <td>{Math.round(row.rating)}</td>
                        <td>{percent(row.winRate)}</td>
                        <td>{row.votes}</td>
                        <td>{row.wins}</td>
                        <td>{row.ties}</td>
                        <td>{row.losses}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="hint">
                {leaderboard.votes} {leaderboard.votes === 1 ? 'vote' : 'votes'} in all.
              </p>
            </>
          )}
          <div className="actions">
            {leaderboard !== null && leaderboard.votes > 0 && !isConfirming && (
              <button type="button" className="danger" onClick={() => setIsConfirming(true)}>
                Reset leaderboard
              </button>
            )}
            {isConfirming && (
              <ConfirmGroup
                label="Reset the leaderboard"
                question={`Delete all ${leaderboard?.votes ?? 0} votes? This cannot be undone.`}
                confirmLabel="Delete every vote"
                onConfirm={() => void resetLeaderboard().then(() => setIsConfirming(false))}
                onCancel={() => setIsConfirming(false)}
              />
            )}
            <Dialog.Close asChild>
              <button type="button" className="dialog-close">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
