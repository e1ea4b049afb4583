import type { RouteStrategy } from '../../shared/types/config';
import type { RouteDecision } from '../../shared/types/usage';
import { estimatePromptTokens, estimateTokens } from '../catalog/estimate-usage';
import { catalogFacts } from '../catalog/model-facts';
import type { PriceCall } from '../catalog/types';
import type { CallRequest, ResolvedTarget } from '../gateway/types';
import { decideOrder } from './decide-order';
import { narrowRoute, type NarrowedRoute } from './narrow-route';
import { missingCapabilities, requestNeeds } from './request-needs';
import { TargetHealth, type HealthOptions } from './target-health';
import { routeStats, type RouteCall, type RouteStats } from './target-stats';

/** What a route asks of the router: its name, strategy and weights. */
export interface RouteRouting {
  name: string;
  strategy: RouteStrategy;
  weights?: Record<string, number>;
}

export interface RouterOptions {
  price: PriceCall;
  /** The route's recent calls, newest first: one indexed query, read at most once per `statsTtlMs`. */
  recentCalls(routeName: string): RouteCall[];
  health?: HealthOptions;
  random?: () => number;
  statsTtlMs?: number;
  exploreRate?: number;
  now?: () => number;
}

export interface RoutePlan {
  targets: ResolvedTarget[];
  probes: string[];
  decision: RouteDecision;
}

export interface Router {
  plan(routing: RouteRouting, targets: ResolvedTarget[], request: CallRequest): RoutePlan;
  /** An attempt's outcome, for the target's circuit; a caller's own mistake or a cancel is not the target's. */
  report(target: string, outcome: { ok: true } | { ok: false; reason: string }): void;
  /**
   * The call is over: a probe that reported no outcome (never tried, cancelled, a refused request) is handed to
   * the next call rather than left out forever.
   */
  settle(plan: RoutePlan): void;
  readonly health: TargetHealth;
  stats(routeName: string): RouteStats;
}

/** Answers this long by default when neither the request nor the route's history says. */
const defaultOutputTokens = 512;

/** The output limit an API body sets, in whichever protocol's field. */
function bodyLimit(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['max_tokens', 'max_completion_tokens', 'max_output_tokens']) {
    const value = record[key];
    if (typeof value === 'number' && value > 0) return value;
  }
  return undefined;
}

/** The request's input in tokens, estimated from its text: an API call's whole body, an app call's messages. */
export function estimateInput(request: CallRequest): number {
  return request.api
    ? estimateTokens(Buffer.byteLength(JSON.stringify(request.api.body)))
    : estimatePromptTokens(request.messages);
}

/** The context window of a target: the endpoint's `contextWindows` in config, else the catalog's. */
export function contextWindowOf(resolved: ResolvedTarget): number | null {
  const own = resolved.endpoint.contextWindows;
  if (own && Object.hasOwn(own, resolved.model)) return own[resolved.model]!;
  return (
    catalogFacts({ endpointKind: resolved.endpoint.kind, baseURL: resolved.endpoint.baseURL, model: resolved.model })
      ?.contextWindow ?? null
  );
}

/** Orders each call's targets by its route's strategy, from the history and the targets' circuits. */
export function createRouter(options: RouterOptions): Router {
  const now = options.now ?? Date.now;
  const health = new TargetHealth({ now, ...options.health });
  const random = options.random ?? Math.random;
  const ttl = options.statsTtlMs ?? 5000;
  const cached = new Map<string, { at: number; stats: RouteStats }>();

  const stats = (routeName: string): RouteStats => {
    const hit = cached.get(routeName);
    if (hit && now() - hit.at < ttl) return hit.stats;
    let calls: RouteCall[] = [];
    try {
      calls = options.recentCalls(routeName);
    } catch (error) {
      // Routing goes on without history rather than failing the call.
      console.error(`switchboard: could not read the route's recent calls: ${(error as Error).message}`);
    }
    const fresh = routeStats(calls);
    cached.set(routeName, { at: now(), stats: fresh });
    return fresh;
  };

  return {
    health,
    stats,
    plan(routing, written, request) {
      // A request's own narrowing (throws INVALID_INPUT naming unknown targets).
      const narrowed: NarrowedRoute | undefined = request.route
        ? narrowRoute(request.modelId, written, request.route)
        : undefined;
      const targets = narrowed?.targets ?? written;
      const strategy = request.route?.strategy ?? routing.strategy;
      // The request is looked through only when some target's capabilities are set: unsaid means capable.
      const needs = targets.some((resolved) => resolved.endpoint.capabilities) ? requestNeeds(request) : [];
      const byTarget = new Map(targets.map((resolved) => [resolved.target, resolved]));
      const estimatedInputTokens = estimateInput(request);
      const needsHistory = strategy === 'fastest' || strategy === 'cheapest';
      const routeStatsNow = needsHistory ? stats(routing.name) : { targets: new Map(), medianOutputTokens: null };
      const limit = request.sampling?.maxOutputTokens ?? bodyLimit(request.api?.body);
      const expectedOutput =
        limit !== undefined
          ? { tokens: limit, from: 'the request limit' }
          : routeStatsNow.medianOutputTokens !== null
            ? { tokens: Math.round(routeStatsNow.medianOutputTokens), from: 'recent median' }
            : { tokens: defaultOutputTokens, from: 'default' };
      const decided = decideOrder({
        strategy,
        targets: targets.map((resolved) => resolved.target),
        estimatedInputTokens,
        expectedOutput,
        contextWindow: (target) => contextWindowOf(byTarget.get(target)!),
        expectedCostUSD: (target) => {
          const resolved = byTarget.get(target)!;
          const usage = {
            inputTokens: estimatedInputTokens,
            cacheReadTokens: 0,
            cacheWriteTokens: 0,
            outputTokens: expectedOutput.tokens,
            reasoningTokens: null,
          };
          const { costUSD, source } = options.price({
            endpointKind: resolved.endpoint.kind,
            baseURL: resolved.endpoint.baseURL,
            model: resolved.model,
            usage,
            configPrices: resolved.endpoint.prices,
          });
          return source === 'config' || source === 'catalog' ? costUSD : null;
        },
        stats: routeStatsNow,
        weights: routing.weights,
        admit: (target) => health.admit(target),
        random,
        exploreRate: options.exploreRate,
        missing: needs.length > 0 ? (target) => missingCapabilities(byTarget.get(target)!, needs) : undefined,
        needs,
        pinned: narrowed?.pinned,
        leftOut: narrowed?.leftOut,
        narrowed: narrowed?.narrowed,
      });
      return {
        targets: decided.order.map((target) => byTarget.get(target)!),
        probes: decided.probes,
        decision: decided.decision,
      };
    },
    report(target, outcome) {
      if (outcome.ok) health.succeeded(target);
      else health.failed(target, outcome.reason);
    },
    settle(plan) {
      for (const target of plan.probes) health.released(target);
    },
  };
}

/** Why a call has no target left to try once skipped ones are out, with the code to fail it with. */
export function noTargetLeft(modelId: string, decision: RouteDecision): { code: string; message: string } {
  const reasons = decision.considered.map((entry) => `${entry.target}: ${entry.why}`).join(' | ');
  const skipped = decision.considered.filter((entry) => entry.status !== 'left-out');
  const isTooLarge = skipped.every((entry) => entry.status === 'too-small');
  if (isTooLarge)
    return {
      code: 'INVALID_INPUT',
      message: `The request (about ${decision.estimatedInputTokens} tokens) is larger than the context window of every target of ${modelId}; shorten it or add a target with a larger window. ${reasons}`,
    };
  // Nothing the request can be sent to, whatever the wait: say what it needs and who lacks it.
  const cannotTake = skipped.every((entry) => entry.status === 'too-small' || entry.status === 'missing-capability');
  if (cannotTake) {
    const lacking = skipped.filter((entry) => entry.status === 'missing-capability').map((entry) => entry.target);
    return {
      code: 'INVALID_INPUT',
      message: `No target of ${modelId} can take this request: it needs ${(decision.needs ?? []).join(', ')}, which ${lacking.join(', ')} cannot take; send it without that or add a target that can (an endpoint's "capabilities" in config.json). ${reasons}`,
    };
  }
  return {
    code: 'PROVIDER_UNAVAILABLE',
    message: `Every target of ${modelId} is skipped for now; try again when a bench ends. ${reasons}`,
  };
}

/** The decision with each target's outcome from the call's attempts (its last attempt). */
export function withOutcomes(
  decision: RouteDecision,
  attempts: ReadonlyArray<{ target: string; error: { code: string } | null }>,
): RouteDecision {
  const last = new Map(attempts.map((attempt) => [attempt.target, attempt.error?.code ?? 'served']));
  return {
    ...decision,
    considered: decision.considered.map((entry) => ({ ...entry, outcome: last.get(entry.target) ?? 'not-tried' })),
  };
}

/** One line for the `x-switchboard-route-decision` header: strategy, then each target's place and outcome. */
export function decisionSummary(decision: RouteDecision): string {
  const parts = decision.considered.map((entry) => `${entry.target}=${entry.status}:${entry.outcome ?? 'not-tried'}`);
  return `${decision.strategy};${parts.join(',')}`;
}
