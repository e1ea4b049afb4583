import { useId } from 'react';
import { FieldGroup, FormField } from './form-field';
import { strategyChoices, weightText, type StrategyDraft } from './route-strategy';

/**
 * A route's strategy as radio buttons, each with the line saying what it does, and for `weighted` a weight
 * per target. Problems (`strategy`, `weights`, `weights.<target>`) show beside what they are about.
 */
export function StrategyFields(props: {
  draft: StrategyDraft;
  targets: readonly string[];
  errors: Record<string, string>;
  onChange(draft: StrategyDraft): void;
}) {
  const { draft, targets, errors, onChange } = props;
  const id = useId();
  return (
    <FieldGroup className="strategy-fields" legend="Strategy" error={errors.strategy}>
      {strategyChoices.map((choice) => (
        <div key={choice.value} className="strategy-choice">
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={`${id}-strategy`}
            value={choice.value}
            checked={draft.strategy === choice.value}
            aria-describedby={`${id}-${choice.value}-what`}
            onChange={() => onChange({ ...draft, strategy: choice.value })}
          />
          {/* The name is the label alone; the line saying what it does is its description. */}
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          <span id={`${id}-${choice.value}-what`} className="hint">
            {choice.description}
          </span>
        </div>
      ))}
      {draft.strategy === 'weighted' && (
        <FieldGroup className="route-weights" legend="Weights" error={errors.weights}>
          {targets.length === 0 && <p className="hint">Add targets first: each gets a weight.</p>}
          {targets.map((target) => (
            <FormField key={target} label={`Weight of ${target}`} error={errors[`weights.${target}`]}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  // No min: the browser's own bubble would stop the form before the error beside the field.
                  step="any"
                  value={weightText(draft, target)}
                  onChange={(event) =>
                    onChange({ ...draft, weights: { ...draft.weights, [target]: event.target.value } })
                  }
                />
              )}
            </FormField>
          ))}
        </FieldGroup>
      )}
    </FieldGroup>
  );
}
