import type { FieldProblem } from '../../../../shared/contract';

/** The refusal about one field, shown beside it; `id` lets the control point at it with aria-describedby. */
export function FieldProblemText({ problems, field, id }: { problems: FieldProblem[]; field: string; id: string }) {
  const problem = problems.find((entry) => entry.field === field || entry.field.startsWith(`${field}.`));
  if (!problem) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {problem.message}
    </span>
  );
}

export const hasProblem = (problems: FieldProblem[], field: string) =>
  problems.some((entry) => entry.field === field || entry.field.startsWith(`${field}.`));
