import { useShallow } from 'zustand/react/shallow';
import { isBlindPending, latestRound } from '../../store/blind-slice';
import { useAppStore } from '../../store/app-store';
import { answerLetter } from './blind-order';
import './blind-mode.css';

/**
 * Under a blind compare: once every pane's latest answer has finished, pick the best, a tie, or none; once the
 * vote is kept, which model wrote which answer. `order` is the panes' indexes in the order shown.
 */
export function BlindVoteBar({ order }: { order: number[] }) {
  const state = useAppStore(
    useShallow((s) => {
      const round = latestRound(s);
      const sessionId = s.compare.sessionId;
      return {
        vote: sessionId ? s.blind.votes[sessionId] : undefined,
        isHidden: isBlindPending(s),
        voteBlind: s.voteBlind,
        revealBlind: s.revealBlind,
        // Plain values only, so a token does not re-render the bar.
        modelList: s.compare.panes.map((pane) => pane.modelId).join('\n'),
        roundNumber: round.number,
        isComplete: round.isComplete,
      };
    }),
  );
  const { vote } = state;
  const modelIds = state.modelList.split('\n');
  const shownModels = order.map((index) => modelIds[index] ?? '');
  const isMany = order.length > 2;
  if (!state.isHidden) {
    if (vote?.status !== 'saved') return null;
    const picked = vote.winnerPane === null ? -1 : order.indexOf(vote.winnerPane);
    return (
      <section className="blind-vote" aria-label="Blind vote">
        <p role="status">
          {picked >= 0
            ? `You picked Answer ${answerLetter(picked)} (${shownModels[picked]}).`
            : vote.outcome === 'tie'
              ? 'You called it a tie.'
              : `You found ${isMany ? 'all' : 'both'} answers bad.`}{' '}
          Kept on the leaderboard.
        </p>
        <ul className="blind-reveal" aria-label="Who wrote which answer">
          {shownModels.map((modelId, position) => (
            <li key={position}>
              Answer {answerLetter(position)}: <strong>{modelId}</strong>
            </li>
          ))}
        </ul>
        <p className="hint">Follow-ups here show the names; start a New compare to vote blind again.</p>
      </section>
    );
  }
  const showNames = (
    <button type="button" onClick={state.revealBlind}>
      Show names without voting
    </button>
  );
  if (new Set(modelIds).size < modelIds.length) {
    return (
      <section className="blind-vote" aria-label="Blind vote">
        <p className="hint">
          The same model wrote two of these answers, so there is nothing to vote on: pick different models in a New
          compare, or show the names.
        </p>
        {showNames}
      </section>
    );
  }
  const isSaving = vote?.status === 'saving';
  const isDisabled = !state.isComplete || isSaving;
  const better = isMany ? 'the best' : 'better';
  const which = state.roundNumber > 1 ? ` (their latest answers, to question ${state.roundNumber})` : '';
  return (
    <section className="blind-vote" aria-label="Blind vote">
      <p id="blind-vote-hint" className="hint">
        {state.isComplete
          ? `Which answer is ${better}${which}? The models’ names show after your vote.`
          : 'Vote once every answer has finished. The models’ names show after your vote.'}
      </p>
      <div role="group" aria-label="Your vote" aria-describedby="blind-vote-hint" className="blind-vote-choices">
        {order.map((paneIndex, position) => (
          <button
            key={paneIndex}
            type="button"
            disabled={isDisabled}
            onClick={() => void state.voteBlind('win', paneIndex)}
          >
            {answerLetter(position)} is {better}
          </button>
        ))}
        <button type="button" disabled={isDisabled} onClick={() => void state.voteBlind('tie')}>
          Tie
        </button>
        <button type="button" disabled={isDisabled} onClick={() => void state.voteBlind('both-bad')}>
          {isMany ? 'All bad' : 'Both bad'}
        </button>
      </div>
      {showNames}
      {vote?.status === 'failed' && (
        <p className="answer-error" role="alert">
          Your vote was not kept: {vote.problem}
        </p>
      )}
    </section>
  );
}
