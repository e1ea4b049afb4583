import { useState } from 'react';
import type { PlaygroundCheck } from '../../../../shared/contract';
import { describeCheck } from '../../../../shared/playground/checks';
import { readSchema } from '../../../../shared/playground/schema-text';
import { useAppStore } from '../../store/app-store';

type Kind = PlaygroundCheck['kind'];

const kinds: { kind: Kind; label: string; valueLabel?: string }[] = [
  { kind: 'contains', label: 'Contains', valueLabel: 'text' },
  { kind: 'not-contains', label: 'Does not contain', valueLabel: 'text' },
  { kind: 'regex', label: 'Matches regex', valueLabel: 'pattern' },
  { kind: 'json', label: 'Is valid JSON' },
  { kind: 'max-ttft', label: 'Max time to first token (ms)', valueLabel: 'milliseconds' },
  { kind: 'max-cost', label: 'Max cost (USD)', valueLabel: 'dollars' },
  { kind: 'judge', label: 'Graded by a model', valueLabel: 'rubric' },
];

/** A check from the form's fields, or what is wrong with them. */
function toCheck(kind: Kind, value: string, judgeModel: string): PlaygroundCheck | string {
  if (kind === 'json') {
    if (!value.trim()) return { kind };
    const schema = readSchema(value);
    return typeof schema === 'string' ? `That schema cannot be used: ${schema}.` : { kind, schema };
  }
  if (kind === 'judge') {
    if (!judgeModel.trim()) return 'Write the judge model (endpoint-id/model or a route).';
    if (!value.trim()) return 'Write the rubric: what a good answer does.';
    return { kind, modelId: judgeModel.trim(), rubric: value.trim() };
  }
  if (!value.trim()) return 'Write a value for the check.';
  if (kind === 'max-ttft' || kind === 'max-cost') {
    const amount = Number(value);
    if (!Number.isFinite(amount) || amount < 0) return 'Write a number of 0 or more.';
    return kind === 'max-ttft' ? { kind, ms: amount } : { kind, usd: amount };
  }
  if (kind === 'regex') {
    try {
      new RegExp(value);
    } catch {
      return 'That is not a valid regular expression.';
    }
  }
  return { kind, value };
}

/** A case's checks, each removable, and a small form that adds one. */
export function CaseChecks(props: {
  label: string;
  checks: PlaygroundCheck[];
  onChange(checks: PlaygroundCheck[]): void;
}) {
  const [kind, setKind] = useState<Kind>('contains');
  const [value, setValue] = useState('');
  const [judgeModel, setJudgeModel] = useState('');
  const openModelPicker = useAppStore((state) => state.openModelPicker);
  const [problem, setProblem] = useState<string | null>(null);
  const needsValue = kinds.find((entry) => entry.kind === kind)?.valueLabel;
  const problemId = `check-problem-${props.label.replace(/\W+/g, '-')}`;
  return (
    <div className="case-checks">
      {props.checks.length > 0 && (
        <ul aria-label={`Checks of ${props.label}`}>
          {props.checks.map((check, index) => (
            <li key={index}>
              <span>{describeCheck(check)}</span>
              <button
                type="button"
                aria-label={`Remove check “${describeCheck(check)}” from ${props.label}`}
                onClick={() => props.onChange(props.checks.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="case-check-add">
        <select
          aria-label={`New check for ${props.label}`}
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
        >
          {kinds.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
        </select>
        {kind === 'judge' && (
          <button
            type="button"
            aria-haspopup="dialog"
            aria-label={`Judge model for ${props.label}${judgeModel ? `: ${judgeModel}` : ''}`}
            onClick={() =>
              openModelPicker({ kind: 'field', title: `Judge model for ${props.label}`, onPick: setJudgeModel })
            }
          >
            {judgeModel || 'Pick a judge model'}
          </button>
        )}
        {kind === 'json' && (
          <textarea
            rows={2}
            aria-label={`Check schema for ${props.label} (optional)`}
            placeholder="JSON schema (optional)"
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problemId}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        {needsValue && (
          <input
            aria-label={`Check ${needsValue} for ${props.label}`}
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problemId}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        <button
          type="button"
          onClick={() => {
            const check = toCheck(kind, value, judgeModel);
            if (typeof check === 'string') return setProblem(check);
            setProblem(null);
            setValue('');
            props.onChange([...props.checks, check]);
          }}
        >
          Add check to {props.label}
        </button>
      </div>
      {problem && (
        <span id={problemId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
