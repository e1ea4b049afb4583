import { useAppStore } from '../../store/app-store';
import type { CompareProblemPlace } from '../../store/types';

const isPlace = (a: CompareProblemPlace, b: CompareProblemPlace) =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.pane === b.pane;

/** Compare's refusal, shown beside the control that caused it (`id` lets that control point at it). */
export function ProblemText(props: { at: CompareProblemPlace; id: string }) {
  const problem = useAppStore((state) => state.compare.problem);
  if (!problem || !isPlace(problem.at, props.at)) return null;
  return (
    <p id={props.id} className="field-error" role="alert">
      {problem.message}
    </p>
  );
}

/** The id of the shown problem when it is about `at`, for `aria-describedby`. */
export function useProblemId(at: CompareProblemPlace, id: string): string | undefined {
  return useAppStore((state) => (state.compare.problem && isPlace(state.compare.problem.at, at) ? id : undefined));
}
