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
  })
  .refine((endpoint) => endpoint.kind !== 'openai-compatible' || endpoint.baseURL !== undefined, {
    message: 'an "openai-compatible" endpoint needs a "baseURL" such as "http://127.0.0.1:11434/v1"',
    path: ['baseURL'],
  });
export type EndpointConfig = z.infer<typeof endpointSchema>;

export const routeSchema = z.strictObject({
  /** Model ids (`endpoint-id/model`) tried in order. */
  targets: z.array(z.string().regex(/^[^/]+\/.+$/, 'a target is "endpoint-id/model"')).min(1),
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
});
export type RouteConfig = z.infer<typeof routeSchema>;

export const routeNameSchema = z
  .string()
  .trim()
  .min(1, 'a route needs a name')
  .regex(/^[^/\s]+$/, 'a route name has no "/" and no spaces (e.g. "fast")');

export const configSchema = z.strictObject({
  endpoints: z.array(endpointSchema).default([]),
  routes: z.record(routeNameSchema, routeSchema).default({}),
});
export type SwitchboardConfig = z.infer<typeof configSchema>;
