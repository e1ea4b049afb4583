import type { RouteDecision, UsageRecord } from '../../../../shared/types/usage';

/** One target of a route's decision, in words. */
export interface ConsideredLine {
  target: string;
  /** `Ranked by price`, `Benched`, `Too small`, …; an unknown status reads as its own words. */
  status: string;
  /** The core's reason: the price, the speed, when the bench ends, the window. */
  reason: string;
  /** `Served the answer`, `Failed: rate limited`, `Not tried`, `Not called`. */
  outcome: string;
  isServed: boolean;
}

/** A call's route decision, as the Usage screen says it. */
export interface DecisionText {
  strategy: string;
  basis: string;
  considered: ConsideredLine[];
}

const strategyText: Record<string, string> = {
  ordered: 'Ordered: the targets were tried as written.',
  cheapest: 'Cheapest: the targets were ranked by what this request was expected to cost at each.',
  fastest: 'Fastest: the targets were ranked by your recent first-token times, speeds and failures.',
  weighted: 'Weighted: the first target was drawn by the weights, then the next among those left.',
};

const rankedBy: Record<string, string> = {
  ordered: 'In written order',
  cheapest: 'Ranked by price',
  fastest: 'Ranked by speed',
  weighted: 'Drawn by weight',
};

const statusText: Record<string, string> = {
  probe: 'Probe (its bench was over)',
  exploring: 'Exploring (tried first to measure it)',
  unpriced: 'Unpriced (tried after the priced ones)',
  unmeasured: 'Unmeasured (no recent calls)',
  benched: 'Benched (skipped)',
  'too-small': 'Too small (skipped)',
  'missing-capability': 'Missing capability (skipped)',
  'left-out': 'Left out by the request (skipped)',
};

/** `missing-capability` → `Missing capability`, `RATE_LIMITED` → `rate limited`: a code read as words. */
const words = (code: string) => code.replace(/[-_]+/g, ' ').trim().toLowerCase();
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Statuses whose target was skipped before any call: it was never called, whatever came after. */
const skipped = new Set(['benched', 'too-small', 'missing-capability', 'left-out']);

function outcomeText(outcome: string | undefined, status: string): string {
  if (outcome === undefined || (outcome === 'not-tried' && skipped.has(status))) return 'Not called';
  if (outcome === 'served') return 'Served the answer';
  if (outcome === 'not-tried') return 'Not tried';
  return `Failed: ${words(outcome)}`;
}

/**
 * Why a call went where it did: the strategy, then every target in the order it was considered with its
 * status, the core's reason and what its attempt did. Statuses and strategies this screen does not know
 * (a newer core's) read as their own words rather than failing.
 */
export function describeDecision(decision: RouteDecision): DecisionText {
  const strategy = String(decision.strategy);
  const considered = Array.isArray(decision.considered) ? decision.considered : [];
  return {
    strategy: strategyText[strategy] ?? `${capitalized(words(strategy))}.`,
    basis: [
      typeof decision.estimatedInputTokens === 'number'
        ? `The request was about ${decision.estimatedInputTokens.toLocaleString('en-US')} input tokens.`
        : '',
      Array.isArray(decision.needs) && decision.needs.length > 0
        ? `It needed ${decision.needs.map(words).join(', ')}.`
        : '',
      typeof decision.narrowed === 'string' && decision.narrowed ? `It narrowed the route: ${decision.narrowed}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    considered: considered.map((entry) => {
      const status = String(entry.status);
      return {
        target: entry.target,
        status:
          status === 'ranked' ? (rankedBy[strategy] ?? 'Ranked') : (statusText[status] ?? capitalized(words(status))),
        reason: entry.why ?? '',
        outcome: outcomeText(entry.outcome, status),
        isServed: entry.outcome === 'served',
      };
    }),
  };
}

/** What a call without a decision says instead: one model asked for directly, a replay, or an older row. */
export function missingDecisionText(record: Pick<UsageRecord, 'requestedModel' | 'costSource'>): string {
  if (record.requestedModel.includes('/')) return 'This call asked for one model directly: no route chose.';
  if (record.costSource === 'cache') return "Replayed from the route's cache: no target was chosen.";
  return 'No route decision was kept for this call: it was made before Switchboard recorded them.';
}
