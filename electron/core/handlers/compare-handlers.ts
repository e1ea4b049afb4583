import type { ComparePane, CompareSetup, ConversationSettings, TurnStarted } from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type CompareHandlers = Pick<
  Handlers,
  | 'compare.send'
  | 'compare.regenerate'
  | 'compare.continue'
  | 'compare.sessions'
  | 'compare.open'
  | 'compare.sets'
  | 'compare.saveSet'
  | 'compare.removeSet'
  | 'compare.current'
  | 'compare.saveCurrent'
>;

/** A pane's own settings: the shared ones, each overridden where the pane sets it; an empty system prompt is none. */
export function paneSettings(setup: CompareSetup, pane: ComparePane): ConversationSettings {
  const { system, ...rest } = { ...setup.shared, ...pane.overrides };
  return system?.trim() ? { ...rest, system } : rest;
}

const goneSession = () =>
  new SwitchboardError('UNKNOWN_CONVERSATION', 'That compare is gone from the history. Start a new one.');

/**
 * Compare as a group chat of models: each pane is an ordinary conversation (asked through the chat's own
 * handlers, so it has the chat's history, failure and cancel behaviour), grouped by a session.
 */
export function createCompareHandlers(
  services: Services,
  chat: Pick<Handlers, 'chat.send' | 'chat.regenerate'>,
): CompareHandlers {
  const { store } = services;

  function requireSession(sessionId: string) {
    const session = store.compare.getSession(sessionId);
    if (!session) throw goneSession();
    return session;
  }

  function requirePane(sessionId: string, conversationId: string) {
    if (!store.compare.hasPane(sessionId, conversationId)) {
      throw new SwitchboardError('UNKNOWN_CONVERSATION', 'That pane is no longer part of this compare.');
    }
  }

  return {
    'compare.send': async ({ sessionId: givenId, prompt, setup, route }, context) => {
      if (givenId !== undefined) requireSession(givenId);
      const sessionId = givenId ?? store.compare.createSession(prompt.trim().slice(0, 80), setup);
      const panes: ComparePane[] = [];
      const started: TurnStarted[] = [];
      for (const pane of setup.panes) {
        const settings = paneSettings(setup, pane);
        const isFollowUp =
          pane.conversationId !== undefined &&
          store.compare.hasPane(sessionId, pane.conversationId) &&
          store.getConversation(pane.conversationId) !== undefined;
        if (isFollowUp) store.updateConversation(pane.conversationId!, { settings });
        const turn = await chat['chat.send'](
          {
            modelId: pane.modelId,
            text: prompt,
            attachments: [],
            ...(route ? { route } : {}),
            ...(isFollowUp ? { conversationId: pane.conversationId } : { settings }),
          },
          context,
        );
        if (!isFollowUp) store.compare.addPane(sessionId, turn.conversationId);
        panes.push({ ...pane, conversationId: turn.conversationId });
        started.push(turn);
      }
      store.compare.saveSessionSetup(sessionId, { ...setup, panes });
      return { sessionId, panes: started };
    },
    'compare.regenerate': async ({ sessionId, conversationId, setup }, context) => {
      requireSession(sessionId);
      requirePane(sessionId, conversationId);
      const pane = setup.panes.find((candidate) => candidate.conversationId === conversationId);
      if (!pane?.modelId) throw new SwitchboardError('INVALID_INPUT', 'Pick a model for this pane first.');
      store.updateConversation(conversationId, { settings: paneSettings(setup, pane) });
      const last = store.activePath(conversationId).at(-1);
      if (!last) throw new SwitchboardError('INVALID_INPUT', 'This pane has no question to answer again yet.');
      store.compare.saveSessionSetup(sessionId, setup);
      return chat['chat.regenerate']({ conversationId, messageId: last.id, modelId: pane.modelId }, context);
    },
    'compare.continue': async ({ sessionId, conversationId }) => {
      requireSession(sessionId);
      if (!store.compare.continuePane(sessionId, conversationId)) {
        throw new SwitchboardError('UNKNOWN_CONVERSATION', 'That pane is no longer part of this compare.');
      }
      return store.listConversations();
    },
    'compare.sessions': async () => store.compare.listSessions(100),
    'compare.open': async ({ sessionId }) => {
      const session = requireSession(sessionId);
      const panes = session.setup.panes.flatMap((pane) =>
        pane.conversationId && store.getConversation(pane.conversationId)
          ? [{ conversationId: pane.conversationId, messages: store.activePath(pane.conversationId) }]
          : [],
      );
      // A pane whose conversation was deleted (after Continue) opens empty, ready for the next question.
      const setup = {
        ...session.setup,
        panes: session.setup.panes.map((pane) =>
          panes.some((kept) => kept.conversationId === pane.conversationId)
            ? pane
            : { modelId: pane.modelId, overrides: pane.overrides },
        ),
      };
      return { ...session, setup, panes };
    },
    'compare.sets': async () => store.compare.listSets(),
    'compare.saveSet': async ({ name, setup }) => {
      // A set is models and settings, not a session's conversations.
      const panes = setup.panes.map(({ modelId, overrides }) => ({ modelId, overrides }));
      store.compare.saveSet(name, { ...setup, panes });
      return store.compare.listSets();
    },
    'compare.removeSet': async ({ setId }) => {
      store.compare.removeSet(setId);
      return store.compare.listSets();
    },
    'compare.current': async () => store.compare.getCurrent(),
    'compare.saveCurrent': async (current) => {
      store.compare.saveCurrent(current);
      return null;
    },
  };
}
