import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { LeaderboardDialog } from './leaderboard-dialog';
import './blind-mode.css';

/** Compare's Blind mode switch and the Leaderboard its votes make. */
export function BlindModeControls() {
  const { isOn, setBlindMode } = useAppStore(
    useShallow((state) => ({ isOn: state.blind.isOn, setBlindMode: state.setBlindMode })),
  );
  return (
    <>
      <label
        className="blind-toggle"
        title="A new compare shows its panes shuffled as Answer A, B, … and the models’ names only after you vote for the best answer"
      >
        <input type="checkbox" checked={isOn} onChange={(event) => setBlindMode(event.target.checked)} />
        Blind mode
      </label>
      <LeaderboardDialog />
    </>
  );
}
