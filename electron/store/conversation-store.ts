import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  ConversationSettings,
  ConversationSummary,
  PathMessage,
  SearchHit,
  StoredAttachment,
  StoredMessage,
} from '../../shared/contract';
import { conversationFileFormat, conversationFileVersion } from '../../shared/contract/conversation-file';
import { SwitchboardError } from '../../shared/errors/codes';
import type { UsageRecord } from '../../shared/types/usage';
import {
  conversationColumns,
  inIds,
  messageColumns,
  toAttachment,
  toStored,
  toSummary,
  type AttachmentRow,
  type ConversationRow,
  type MessageRow,
} from './conversation-rows';
import { hiddenComparePanes } from './compare-tables';
import type { ConversationStore, NewMessage } from './conversation-types';
import { activeBranch, branchTo, type Branch, type TreeRow } from './message-tree';
import { toMatchQuery } from './search-query';
import { fromUsageRow, type UsageRow } from './usage-rows';

const gone = () =>
  new SwitchboardError('UNKNOWN_CONVERSATION', 'That conversation is gone: it was deleted, perhaps in another window.');

/** Conversations, their message trees, attachments and search, on an open, migrated database. */
export function createConversationStore(db: Database.Database): ConversationStore {
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, title, created_at, updated_at, model_id, settings, pinned_at) VALUES (@id, @title, @createdAt, @updatedAt, @modelId, @settings, @pinnedAt)',
  );
  const selectConversation = db.prepare<[string], ConversationRow>(
    `SELECT ${conversationColumns} FROM conversations WHERE id = ? AND deleted_at IS NULL`,
  );
  const selectConversations = db.prepare<[], ConversationRow>(
    `SELECT ${conversationColumns} FROM conversations
     WHERE deleted_at IS NULL AND id NOT IN (${hiddenComparePanes})
     ORDER BY pinned_at IS NULL, updated_at DESC, rowid DESC`,
  );
  const updateConversationRow = db.prepare(
    `UPDATE conversations SET
       title = COALESCE(@title, title),
       model_id = COALESCE(@modelId, model_id),
       settings = COALESCE(@settings, settings),
       pinned_at = CASE WHEN @isPinned IS NULL THEN pinned_at WHEN @isPinned = 1 THEN COALESCE(pinned_at, @now) END
     WHERE id = @id AND deleted_at IS NULL`,
  );
  const touchConversation = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const softDelete = db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const undelete = db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
  // Messages, attachments and their search entries go with it (ON DELETE CASCADE, then the triggers).
  const purge = db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?');
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, model, status, usage_id, created_at, active_rank, imported_usage)
     VALUES (@id, @conversationId, @parentId, @role, @content, @model, @status, @usageId, @createdAt, @activeRank, @importedUsage)`,
  );
  const nextRank = db.prepare<[string], { rank: number }>(
    'SELECT COALESCE(MAX(active_rank), 0) + 1 AS rank FROM messages WHERE conversation_id = ?',
  );
  const insertAttachment = db.prepare(
    'INSERT INTO attachments (id, message_id, position, kind, name, media_type, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const selectTree = db.prepare<[string], TreeRow>(
    'SELECT id, parent_id AS parentId, active_rank AS activeRank, rowid AS "order" FROM messages WHERE conversation_id = ?',
  );
  const selectMessages = db.prepare<[string], MessageRow>(
    `SELECT ${messageColumns} FROM messages
     WHERE conversation_id = ? AND conversation_id IN (SELECT id FROM conversations WHERE deleted_at IS NULL)
     ORDER BY created_at, rowid`,
  );
  const selectMessage = db.prepare<[string, string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE conversation_id = ? AND id = ?`,
  );
  const selectMessagesIn = db.prepare<[string], MessageRow>(`SELECT ${messageColumns} FROM messages WHERE id ${inIds}`);
  const selectAttachmentsIn = db.prepare<[string], AttachmentRow>(
    `SELECT id, message_id AS messageId, kind, name, media_type AS mediaType, data FROM attachments
     WHERE message_id ${inIds} ORDER BY position`,
  );
  const selectUsageIn = db.prepare<[string], UsageRow>(`SELECT * FROM usage WHERE id ${inIds}`);
  const setRank = db.prepare(`UPDATE messages SET active_rank = ? WHERE id ${inIds}`);
  const search = db.prepare<[string, number], SearchHit>(
    `SELECT m.conversation_id AS conversationId, c.title, m.id AS messageId, m.role, m.created_at AS createdAt,
       snippet(messages_fts, 0, char(2), char(3), '…', 16) AS snippet
     FROM messages_fts
     JOIN messages AS m ON m.rowid = messages_fts.rowid
     JOIN conversations AS c ON c.id = m.conversation_id
     WHERE messages_fts MATCH ? AND c.deleted_at IS NULL AND c.id NOT IN (${hiddenComparePanes})
     ORDER BY rank LIMIT ?`,
  );

  function requireConversation(conversationId: string): ConversationSummary {
    const row = selectConversation.get(conversationId);
    if (!row) throw gone();
    return toSummary(row);
  }

  /** The messages of a branch in full: text, versions, attachments and the measurements of each answer. */
  function expand(branch: Branch): PathMessage[] {
    if (branch.ids.length === 0) return [];
    const ids = JSON.stringify(branch.ids);
    const rows = new Map(selectMessagesIn.all(ids).map((row) => [row.id, row]));
    const attachments = new Map<string, StoredAttachment[]>();
    for (const row of selectAttachmentsIn.all(ids)) {
      attachments.set(row.messageId, [...(attachments.get(row.messageId) ?? []), toAttachment(row)]);
    }
    const usageIds = [...rows.values()].flatMap((row) => (row.usageId ? [row.usageId] : []));
    const usage = new Map(selectUsageIn.all(JSON.stringify(usageIds)).map((row) => [row.id, fromUsageRow(row)]));
    return branch.ids.map((id) => {
      const row = rows.get(id)!;
      const record =
        (row.usageId ? usage.get(row.usageId) : undefined) ??
        (row.importedUsage ? (JSON.parse(row.importedUsage) as UsageRecord) : null);
      return {
        ...toStored(row),
        versionIds: branch.versions.get(id) ?? [id],
        usage: record,
        attachments: attachments.get(id) ?? [],
      };
    });
  }

  function activate(conversationId: string, messageId: string): boolean {
    const branch = branchTo(selectTree.all(conversationId), messageId);
    if (branch.ids.length === 0) return false;
    // One new rank for the whole branch: ranks are only ever compared between siblings.
    setRank.run(nextRank.get(conversationId)!.rank, JSON.stringify(branch.ids));
    return true;
  }

  function addMessage(input: NewMessage, createdAt = new Date().toISOString(), importedUsage: string | null = null) {
    const parentId =
      input.parentId === undefined
        ? (activeBranch(selectTree.all(input.conversationId)).ids.at(-1) ?? null)
        : input.parentId;
    const message: StoredMessage = {
      id: randomUUID(),
      role: input.role,
      content: input.content,
      model: input.model ?? null,
      status: input.status ?? null,
      createdAt,
      parentId,
    };
    insertMessage.run({
      ...message,
      conversationId: input.conversationId,
      usageId: input.usageId ?? null,
      // Chosen last among its versions: a new message is the one shown.
      activeRank: nextRank.get(input.conversationId)!.rank,
      importedUsage,
    });
    (input.attachments ?? []).forEach((attachment, position) => {
      const data =
        attachment.kind === 'image'
          ? Buffer.from(attachment.dataBase64, 'base64')
          : Buffer.from(attachment.text, 'utf8');
      const mediaType = attachment.kind === 'image' ? attachment.mediaType : 'text/plain';
      insertAttachment.run(randomUUID(), message.id, position, attachment.kind, attachment.name, mediaType, data);
    });
    return message;
  }

  function createConversation(
    input: Parameters<ConversationStore['createConversation']>[0],
    times: { createdAt: string; updatedAt: string; isPinned?: boolean } = {
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    },
  ): ConversationSummary {
    const row = {
      id: randomUUID(),
      title: input.title,
      ...times,
      modelId: input.modelId ?? null,
      settings: JSON.stringify(input.settings ?? {}),
      pinnedAt: times.isPinned ? times.updatedAt : null,
    };
    insertConversation.run(row);
    return requireConversation(row.id);
  }

  return {
    createConversation: (input) => createConversation(input),
    getConversation: (conversationId) => {
      const row = selectConversation.get(conversationId);
      return row && toSummary(row);
    },
    listConversations: () => selectConversations.all().map(toSummary),
    updateConversation(conversationId, changes) {
      const result = updateConversationRow.run({
        id: conversationId,
        title: changes.title ?? null,
        modelId: changes.modelId ?? null,
        settings: changes.settings ? JSON.stringify(changes.settings) : null,
        isPinned: changes.isPinned === undefined ? null : changes.isPinned ? 1 : 0,
        now: new Date().toISOString(),
      });
      if (result.changes === 0) throw gone();
      return requireConversation(conversationId);
    },
    removeConversation: (conversationId, now = new Date().toISOString()) =>
      softDelete.run(now, conversationId).changes > 0,
    restoreConversation: (conversationId) => undelete.run(conversationId).changes > 0,
    purgeRemovedConversations: (before) => purge.run(before).changes,
    addMessage: (input) =>
      db.transaction(() => {
        requireConversation(input.conversationId);
        const message = addMessage(input);
        touchConversation.run(message.createdAt, input.conversationId);
        return message;
      })(),
    listMessages: (conversationId) => selectMessages.all(conversationId).map(toStored),
    getMessage: (conversationId, messageId) => {
      const row = selectMessage.get(conversationId, messageId);
      return row && toStored(row);
    },
    activePath: (conversationId) => expand(activeBranch(selectTree.all(conversationId))),
    pathTo: (conversationId, messageId) => expand(branchTo(selectTree.all(conversationId), messageId)),
    activateMessage: (conversationId, messageId) => db.transaction(() => activate(conversationId, messageId))(),
    searchMessages(query, limit) {
      const match = toMatchQuery(query);
      return match === null ? [] : search.all(match, limit);
    },
    exportConversation(conversationId, exportedAt) {
      const row = selectConversation.get(conversationId);
      if (!row) throw gone();
      const tree = selectTree.all(conversationId);
      const everything = expand({
        ids: [...tree].sort((a, b) => a.order - b.order).map((message) => message.id),
        versions: new Map(),
      });
      return {
        format: conversationFileFormat,
        version: conversationFileVersion,
        exportedAt,
        conversation: {
          title: row.title,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          modelId: row.modelId,
          settings: JSON.parse(row.settings) as ConversationSettings,
          isPinned: row.isPinned === 1,
        },
        messages: everything.map(({ versionIds: _versions, attachments, ...message }) => ({
          ...message,
          attachments: attachments.map(({ id: _id, ...attachment }) => attachment),
        })),
        activeMessageId: activeBranch(tree).ids.at(-1) ?? null,
      };
    },
    importConversation: (file) =>
      db.transaction(() => {
        const { conversation } = file;
        const created = createConversation(
          { title: conversation.title, modelId: conversation.modelId, settings: conversation.settings },
          { createdAt: conversation.createdAt, updatedAt: conversation.updatedAt, isPinned: conversation.isPinned },
        );
        // New ids, so importing the same file twice makes two conversations.
        const ids = new Map<string, string>();
        for (const message of file.messages) {
          const saved = addMessage(
            {
              conversationId: created.id,
              parentId: message.parentId === null ? null : ids.get(message.parentId)!,
              role: message.role,
              content: message.content,
              model: message.model,
              status: message.status,
              attachments: message.attachments,
            },
            message.createdAt,
            // Shown with the answer, never counted as this machine's spend.
            message.usage ? JSON.stringify(message.usage) : null,
          );
          ids.set(message.id, saved.id);
        }
        if (file.activeMessageId !== null) activate(created.id, ids.get(file.activeMessageId)!);
        return created;
      })(),
  };
}
