import { useAppStore } from '../../store/app-store';

/** ‹ 2/3 ›: steps through the versions of a message (edits of a question, answers to it). */
export function VersionSwitcher(props: { versionIds: string[]; currentId: string; isDisabled: boolean }) {
  const showVersion = useAppStore((state) => state.showVersion);
  const { versionIds, currentId, isDisabled } = props;
  if (versionIds.length < 2) return null;
  const index = Math.max(0, versionIds.indexOf(currentId));
  const go = (offset: number) => {
    const target = versionIds[index + offset];
    if (target) void showVersion(target);
  };
  return (
    <div role="group" aria-label={`Version ${index + 1} of ${versionIds.length}`} className="versions">
      <button
        type="button"
        className="version-step"
        aria-label="Previous version"
        disabled={isDisabled || index === 0}
        onClick={() => go(-1)}
      >
        ‹
      </button>
      <span aria-hidden="true">
        {index + 1}/{versionIds.length}
      </span>
      <button
        type="button"
        className="version-step"
        aria-label="Next version"
        disabled={isDisabled || index === versionIds.length - 1}
        onClick={() => go(1)}
      >
        ›
      </button>
    </div>
  );
}
