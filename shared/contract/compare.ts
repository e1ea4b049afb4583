import { z } from 'zod';
import { conversationSettingsSchema, type TurnStarted, type ConversationSummary, type PathMessage } from './chat';
import { maxComparePanes } from './compare-limits';
import { route } from './define';
import { routePreferenceSchema } from '../routing/route-preference';

/** One pane: its model, what it sets for itself, and its own conversation once it has one. */
export const comparePaneSchema = z.object({
  /** Empty while the pane has no model yet. */
  modelId: z.string().max(500),
  /** Each setting given here wins over the shared one; `system: ''` means no system prompt for this pane. */
  overrides: conversationSettingsSchema.default({}),
  /** The pane's conversation in the open session; absent until its first question. */
  conversationId: z.string().min(1).optional(),
});

export type ComparePane = z.output<typeof comparePaneSchema>;

/** Compare's setup: shared settings, panes, and how they are laid out. */
export const compareSetupSchema = z.object({
  /** What every pane uses unless it overrides it. */
  shared: conversationSettingsSchema.default({}),
  panes: z
    .array(comparePaneSchema)
    .max(maxComparePanes, `Compare takes at most ${maxComparePanes} models: remove one to add another.`),
  /** Columns: one row of panes side by side; grid: two rows. */
  layout: z.enum(['columns', 'grid']).default('columns'),
  /** The pane drawn twice as wide, if any. */
  widePane: z
    .number()
    .int()
    .min(0)
    .max(maxComparePanes - 1)
    .nullable()
    .default(null),
});

export type CompareSetup = z.output<typeof compareSetupSchema>;

/** A setup whose every pane has a model: what a question can be sent with. */
const readySetupSchema = compareSetupSchema.extend({
  panes: compareSetupSchema.shape.panes
    .min(2, 'Pick at least two models to compare.')
    .refine((panes) => panes.every((pane) => pane.modelId.length > 0), 'Pick a model for every pane, or remove it.'),
});

/** A named set of panes with their settings, to open again. */
export interface CompareModelSet {
  id: string;
  name: string;
  setup: CompareSetup;
  updatedAt: string;
}

/** A past compare as History lists it. */
export interface CompareSessionSummary {
  id: string;
  title: string;
  updatedAt: string;
  modelIds: string[];
}

/** A compare session with every pane's conversation (active branch) as it was kept, metrics and cost included. */
export interface CompareSessionDetail {
  id: string;
  title: string;
  setup: CompareSetup;
  panes: { conversationId: string; messages: PathMessage[] }[];
}

/** What Compare shows when it opens: the setup being edited, the prompt being written and the open session. */
export interface CompareCurrent {
  setup: CompareSetup;
  prompt: string;
  sessionId: string | null;
}

const sessionId = z.string().min(1, 'which compare');
const conversationId = z.string().min(1, 'which pane');

export const compareRoutes = {
  /**
   * Asks every pane the prompt: a new session when `sessionId` is absent, else a follow-up in each pane's own
   * conversation (each model sees only its own earlier answers). A pane without a conversation gets a new one.
   * Pane conversations are hidden from History until continued in Chat. Streams start together.
   */
  'compare.send': route<{ sessionId: string; panes: TurnStarted[] }>()(
    z.object({
      sessionId: sessionId.optional(),
      prompt: z.string().trim().min(1, 'Write a prompt first.').max(4_000_000),
      setup: readySetupSchema,
      /** Narrows or reorders each route's targets for this prompt only. */
      route: routePreferenceSchema.optional(),
    }),
  ),
  /** Answers one pane's last question again, with the pane's model and settings as the setup now has them. */
  'compare.regenerate': route<{ streamId: string; conversationId: string; questionId: string }>()(
    z.object({ sessionId, conversationId, setup: compareSetupSchema }),
  ),
  /** Makes a pane's conversation an ordinary chat, listed in History; answers the updated history. */
  'compare.continue': route<ConversationSummary[]>()(z.object({ sessionId, conversationId })),
  /** Past compares, newest first. */
  'compare.sessions': route<CompareSessionSummary[]>()(z.object({})),
  'compare.open': route<CompareSessionDetail>()(z.object({ sessionId })),
  'compare.sets': route<CompareModelSet[]>()(z.object({})),
  /** Saves the setup under a name (replacing a set of that name); answers every set. */
  'compare.saveSet': route<CompareModelSet[]>()(
    z.object({
      name: z.string().trim().min(1, 'Name the model set.').max(200, 'A name is at most 200 characters.'),
      setup: compareSetupSchema,
    }),
  ),
  'compare.removeSet': route<CompareModelSet[]>()(z.object({ setId: z.string().min(1) })),
  /** The setup Compare had when it was last changed, in any window; null before the first change. */
  'compare.current': route<CompareCurrent | null>()(z.object({})),
  'compare.saveCurrent': route<null>()(
    z.object({ setup: compareSetupSchema, prompt: z.string().max(4_000_000), sessionId: sessionId.nullable() }),
  ),
};
