import { z } from 'zod';
import { routeStrategies } from '../types/config';

/** A route's target (`endpoint-id/model`) or every target of one endpoint (`endpoint-id`). */
const targetName = z.string().trim().min(1, 'a target is "endpoint-id/model" or "endpoint-id"');
const targetNames = (field: string) =>
  z.array(targetName, { error: `${field} is a list of targets, e.g. ["work-openai/gpt-4o-mini"]` }).max(64);

/**
 * How one request narrows or reorders its route's targets for itself (like OpenRouter's provider preferences):
 * `only` keeps just these, `ignore` leaves these out, `order` tries these first in this order (then the rest
 * as the strategy puts them), `strategy` orders this request as another strategy would.
 */
export const routePreferenceSchema = z.strictObject(
  {
    order: targetNames('order').optional(),
    only: targetNames('only').optional(),
    ignore: targetNames('ignore').optional(),
    strategy: z
      .enum(routeStrategies, { error: `strategy is one of ${routeStrategies.map((name) => `"${name}"`).join(', ')}` })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}: a route preference has "order", "only", "ignore" and "strategy"`
        : 'a route preference is an object like {"only": ["endpoint-id/model"]}',
  },
);
export type RoutePreference = z.infer<typeof routePreferenceSchema>;
