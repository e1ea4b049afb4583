import { useShallow } from 'zustand/react/shallow';
import { roundIdOf } from '../../store/blind-slice';
import { useAppStore } from '../../store/app-store';
import { answerLetter } from './blind-order';
import './blind-mode.css';

/**
 * Under a blind compare: pick the best answer, a tie, or none; once the vote is kept, which model wrote which
 * answer. `shownStreamIds` are the answers in the order shown.
 */
export function BlindVoteBar({ shownStreamIds }: { shownStreamIds: string[] }) {
  const { vote, voteBlind, modelList, isStreaming } = useAppStore(
    useShallow((state) => {
      const roundId = roundIdOf(state);
      return {
        vote: roundId ? state.blind.votes[roundId] : undefined,
        voteBlind: state.voteBlind,
        // Plain values only, so a token does not re-render the bar (and the selection stays stable).
        modelList: shownStreamIds.map((id) => state.streams[id]?.modelId ?? '').join('\n'),
        isStreaming: shownStreamIds.some((id) => state.streams[id]?.status === 'streaming'),
      };
    }),
  );
  const modelIds = modelList.split('\n');
  const isMany = shownStreamIds.length > 2;
  if (vote?.status === 'saved') {
    const picked = vote.winnerStreamId ? shownStreamIds.indexOf(vote.winnerStreamId) : -1;
    return (
      <section className="blind-vote" aria-label="Blind vote">
        <p role="status">
          {picked >= 0
            ? `You picked Answer ${answerLetter(picked)} (${modelIds[picked]}).`
            : vote.outcome === 'tie'
              ? 'You called it a tie.'
              : `You found ${isMany ? 'all' : 'both'} answers bad.`}{' '}
          Kept on the leaderboard.
        </p>
        <ul className="blind-reveal" aria-label="Who wrote which answer">
          {modelIds.map((modelId, position) => (
            <li key={shownStreamIds[position]}>
              Answer {answerLetter(position)}: <strong>{modelId}</strong>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (new Set(modelIds).size < modelIds.length) {
    return (
      <section className="blind-vote" aria-label="Blind vote">
        <p className="hint">
          The same model wrote two of these answers, so there is nothing to vote on: pick different models and compare
          again, or turn Blind mode off to see the names.
        </p>
      </section>
    );
  }
  const isSaving = vote?.status === 'saving';
  return (
    <section className="blind-vote" aria-label="Blind vote">
      <p id="blind-vote-hint" className="hint">
        {isStreaming
          ? 'Vote once every answer has finished. The models’ names show after your vote.'
          : `Which answer is ${isMany ? 'the best' : 'better'}? The models’ names show after your vote.`}
      </p>
      <div role="group" aria-label="Your vote" aria-describedby="blind-vote-hint" className="blind-vote-choices">
        {shownStreamIds.map((streamId, position) => (
          <button
            key={streamId}
            type="button"
            disabled={isStreaming || isSaving}
            onClick={() => void voteBlind('win', streamId)}
          >
            {answerLetter(position)} is {isMany ? 'the best' : 'better'}
          </button>
        ))}
        <button type="button" disabled={isStreaming || isSaving} onClick={() => void voteBlind('tie')}>
          Tie
        </button>
        <button type="button" disabled={isStreaming || isSaving} onClick={() => void voteBlind('both-bad')}>
          {isMany ? 'All bad' : 'Both bad'}
        </button>
      </div>
      {vote?.status === 'failed' && (
        <p className="answer-error" role="alert">
          Your vote was not kept: {vote.problem}
        </p>
      )}
    </section>
  );
}
