import type { UsageRecord } from '../../../../shared/types/usage';
import { describeDecision, missingDecisionText } from './route-decision-text';

/** Why the call went where it did: its route's strategy and every target considered, in order. */
export function RouteDecisionSection({ record }: { record: UsageRecord }) {
  const decision = record.routeDecision ? describeDecision(record.routeDecision) : null;
  return (
    <section className="route-decision" aria-labelledby="route-decision-title">
      <h3 id="route-decision-title" className="route-decision-title">
        Why it went there
      </h3>
      {decision ? (
        <>
          <p>
            {decision.strategy} {decision.basis}
          </p>
          <ol className="routing-attempts" aria-label="Targets considered">
            {decision.considered.map((line, index) => (
              <li key={`${index}-${line.target}`} className={line.isServed ? 'attempt-served' : undefined}>
                <span className="attempt-target">{line.target}</span>: {line.status}
                {line.reason && <span className="hint"> — {line.reason}</span>}
                <div>
                  <strong>{line.outcome}</strong>
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="hint">{missingDecisionText(record)}</p>
      )}
    </section>
  );
}
