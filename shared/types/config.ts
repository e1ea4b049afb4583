import { z } from 'zod';

import { endpointKinds } from './endpoint-kinds';

export { endpointKinds, type EndpointKind } from './endpoint-kinds';

/** USD per million tokens. */
export const modelPriceSchema = z.strictObject({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheRead: z.number().nonnegative().optional(),
  cacheWrite: z.number().nonnegative().optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

export const endpointIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'use lowercase letters, digits, ".", "_" or "-" (e.g. "work-openai")');

const day = 24 * 3600 * 1000;
const milliseconds = (name: string) =>
  z
    .number()
    .int(`${name} is a whole number of milliseconds`)
    .positive(`${name} must be above 0`)
    .max(day, `${name} is at most a day (86400000)`);

/**
 * How long a call may take, in milliseconds; each one left out takes the endpoint's, else the default
 * (see electron/gateway/call-limits.ts).
 */
export const timeoutsSchema = z.strictObject({
  /** From sending the request to a target until its first token; passing it moves on to the next target. */
  firstTokenMs: milliseconds('firstTokenMs').optional(),
  /** The longest silence between two tokens once the answer has started; passing it ends the answer. */
  idleMs: milliseconds('idleMs').optional(),
  /** The whole call from its start, failovers included; passing it ends the call. */
  totalMs: milliseconds('totalMs').optional(),
});
export type TimeoutSettings = z.infer<typeof timeoutsSchema>;

/** The largest answer (text and reasoning, UTF-8 bytes) to take in; passing it ends the answer as an error. */
export const maxAnswerBytesSchema = z
  .number()
  .int('maxAnswerBytes is a whole number of bytes')
  .positive('maxAnswerBytes must be above 0')
  .max(256 * 1024 * 1024, 'maxAnswerBytes is at most 256 MiB (268435456)');

/** What a model can take besides text; `false` skips it for requests that need it. */
export const capabilitiesSchema = z.strictObject({
  tools: z.boolean('tools is true or false').optional(),
  images: z.boolean('images is true or false').optional(),
  structuredOutput: z.boolean('structuredOutput is true or false').optional(),
});

export const endpointSchema = z
  .strictObject({
    id: endpointIdSchema,
    kind: z.enum(endpointKinds),
    /** Required for `openai-compatible`; overrides the provider's default elsewhere. */
    baseURL: z.url({ protocol: /^https?$/ }).optional(),
    /** Models offered in pickers; any model name is still accepted in a model id. */
    models: z.array(z.string().min(1)).optional(),
    /** Per-model prices that win over the bundled catalog. */
    prices: z.record(z.string(), modelPriceSchema).optional(),
    /** Limits for calls to this endpoint; a route's own limits win. */
    timeouts: timeoutsSchema.optional(),
    maxAnswerBytes: maxAnswerBytesSchema.optional(),
    /** Per-model context windows in tokens that win over the catalog's, for routes that skip too-small targets. */
    contextWindows: z
      .record(z.string(), z.number().int('a context window is a whole number of tokens').positive())
      .optional(),
    /**
     * Per model (or `"*"` for every model of the endpoint): what it cannot take, so routes skip it for requests
     * that need it. Unsaid means capable.
     */
    capabilities: z.record(z.string(), capabilitiesSchema).optional(),
  })
  .refine((endpoint) => endpoint.kind !== 'openai-compatible' || endpoint.baseURL !== undefined, {
    message: 'an "openai-compatible" endpoint needs a "baseURL" such as "http://127.0.0.1:11434/v1"',
    path: ['baseURL'],
  });
export type EndpointConfig = z.infer<typeof endpointSchema>;

/** How a route orders its targets for each call (electron/routing/). */
export const routeStrategies = ['ordered', 'cheapest', 'fastest', 'weighted'] as const;
export type RouteStrategy = (typeof routeStrategies)[number];

const routeFields = {
  /** Model ids (`endpoint-id/model`), tried in order unless a strategy orders them. */
  targets: z.array(z.string().regex(/^[^/]+\/.+$/, 'a target is "endpoint-id/model"')).min(1),
  /** `ordered` (the default) as written; `cheapest`, `fastest` or `weighted` (with `weights`) per call. */
  strategy: z
    .enum(routeStrategies, { error: `strategy is one of ${routeStrategies.map((name) => `"${name}"`).join(', ')}` })
    .optional(),
  /** For `weighted`: each target's share, relative to the others (e.g. { "a/m": 3, "b/m": 1 }). */
  weights: z.record(z.string(), z.number().nonnegative('a weight is 0 or more')).optional(),
  /**
   * Replays a kept answer to the very same messages for this long instead of calling a provider.
   * Off unless set: comparing models wants fresh answers.
   */
  cache: z
    .strictObject({
      ttlSeconds: z
        .number()
        .int('ttlSeconds is a whole number of seconds')
        .positive('ttlSeconds must be above 0 (leave "cache" out to turn it off)')
        .max(30 * 24 * 3600, 'ttlSeconds is at most 30 days (2592000)'),
    })
    .optional(),
  /** Limits for calls to this route; they win over each target endpoint's own. */
  timeouts: timeoutsSchema.optional(),
  maxAnswerBytes: maxAnswerBytesSchema.optional(),
};

/** A route's fields without the checks across them, to extend (`routes.save` adds a name). */
export const routeObjectSchema = z.strictObject(routeFields);

/** Checks across a route's fields: weights name its own targets and go with `weighted`. */
export function checkRouteStrategy(route: z.infer<typeof routeObjectSchema>, context: z.RefinementCtx): void {
  const weights = route.weights ?? {};
  if (route.strategy === 'weighted') {
    const missing = route.targets.filter((target) => !Object.hasOwn(weights, target));
    if (missing.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `a "weighted" route needs a weight for each target; add ${missing.map((t) => `"${t}"`).join(', ')}`,
      });
    else if (route.targets.every((target) => weights[target] === 0))
      context.addIssue({ code: 'custom', path: ['weights'], message: 'at least one weight must be above 0' });
  }
  for (const target of Object.keys(weights)) {
    if (!route.targets.includes(target))
      context.addIssue({
        code: 'custom',
        path: ['weights', target],
        message: `"${target}" is not one of this route's targets (${route.targets.join(', ')})`,
      });
  }
  if (route.weights && route.strategy !== 'weighted')
    context.addIssue({ code: 'custom', path: ['strategy'], message: 'weights apply only with "strategy": "weighted"' });
}

export const routeSchema = routeObjectSchema.superRefine(checkRouteStrategy);
export type RouteConfig = z.infer<typeof routeSchema>;

export const routeNameSchema = z
  .string()
  .trim()
  .min(1, 'a route needs a name')
  .regex(/^[^/\s]+$/, 'a route name has no "/" and no spaces (e.g. "fast")');

/** A monthly spending limit (calendar months in UTC, as providers bill). */
export const budgetSchema = z.strictObject({
  /** USD per month; calls priced from estimates count, calls without a price do not. */
  monthlyUSD: z
    .number()
    .positive('monthlyUSD must be above 0 (remove the budget to have none)')
    .max(1_000_000_000, 'monthlyUSD is at most 1000000000'),
  /** Spending from this share of the limit on is shown as a warning. */
  warnAtPercent: z
    .number()
    .int('warnAtPercent is a whole number')
    .min(1, 'warnAtPercent is from 1 to 100')
    .max(100, 'warnAtPercent is from 1 to 100')
    .default(80),
  /** At the limit: `warn` keeps calling and says so; `stop` refuses new calls until the next month. */
  whenReached: z.enum(['warn', 'stop']).default('warn'),
});
export type BudgetConfig = z.infer<typeof budgetSchema>;

export const budgetsSchema = z.strictObject({
  /** Over every endpoint together. */
  overall: budgetSchema.optional(),
  /** Per endpoint id. */
  endpoints: z.record(endpointIdSchema, budgetSchema).optional(),
});
export type BudgetsConfig = z.infer<typeof budgetsSchema>;

/** Where to export each call as an OpenTelemetry span (and token and cost metrics), over OTLP/HTTP. */
export const otlpSchema = z.strictObject({
  /** The collector's base URL; Switchboard adds `/v1/traces` and `/v1/metrics`. */
  endpoint: z
    .url({ protocol: /^https?$/, error: 'endpoint is the collector\'s http(s) URL, e.g. "http://127.0.0.1:4318"' })
    .refine((url) => !/\/v1\/(traces|metrics)\/?$/.test(url), {
      message:
        'endpoint is the collector\'s base URL (e.g. "http://127.0.0.1:4318"): leave out /v1/traces, Switchboard adds it',
    }),
  /** Off keeps the settings without exporting. */
  enabled: z.boolean('enabled is true or false').default(true),
  /** Prompts and answers go with the spans only when this is on. */
  includeContent: z.boolean('includeContent is true or false').default(false),
});
export type OtlpConfig = z.infer<typeof otlpSchema>;

export const telemetrySchema = z.strictObject({ otlp: otlpSchema.optional() });

export const configSchema = z.strictObject({
  endpoints: z.array(endpointSchema).default([]),
  routes: z.record(routeNameSchema, routeSchema).default({}),
  /** Monthly spending limits; none unless set. */
  budgets: budgetsSchema.optional(),
  /** Exporting usage to the team's OpenTelemetry collector; off unless set. Headers live in the OS keychain. */
  telemetry: telemetrySchema.optional(),
});
export type SwitchboardConfig = z.infer<typeof configSchema>;
