import type { ConversationSettings, ConversationSummary, StoredAttachment, StoredMessage } from '../../shared/contract';

/** Conversations, messages and attachments as SQLite holds them, and as the contract shows them. */
export interface ConversationRow {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  isPinned: 0 | 1;
  modelId: string | null;
  settings: string;
}

export interface MessageRow extends Omit<StoredMessage, 'parentId'> {
  parentId: string | null;
  usageId: string | null;
  importedUsage: string | null;
}

export interface AttachmentRow {
  id: string;
  messageId: string;
  kind: 'image' | 'text';
  name: string;
  mediaType: string;
  data: Buffer;
}

export const conversationColumns =
  'id, title, created_at AS createdAt, updated_at AS updatedAt, pinned_at IS NOT NULL AS isPinned, model_id AS modelId, settings';
export const messageColumns =
  'id, role, content, model, status, created_at AS createdAt, parent_id AS parentId, usage_id AS usageId, imported_usage AS importedUsage';
/** Ids passed to SQLite as one JSON array, read back with json_each. */
export const inIds = 'IN (SELECT value FROM json_each(?))';

export const toSummary = (row: ConversationRow): ConversationSummary => ({
  id: row.id,
  title: row.title,
  updatedAt: row.updatedAt,
  isPinned: row.isPinned === 1,
  modelId: row.modelId,
  settings: JSON.parse(row.settings) as ConversationSettings,
});

export const toStored = (row: MessageRow): StoredMessage => ({
  id: row.id,
  role: row.role,
  content: row.content,
  model: row.model,
  status: row.status,
  createdAt: row.createdAt,
  parentId: row.parentId,
});

export const toAttachment = (row: AttachmentRow): StoredAttachment =>
  row.kind === 'image'
    ? {
        id: row.id,
        kind: 'image',
        name: row.name,
        mediaType: row.mediaType as Extract<StoredAttachment, { kind: 'image' }>['mediaType'],
        dataBase64: row.data.toString('base64'),
      }
    : { id: row.id, kind: 'text', name: row.name, text: row.data.toString('utf8') };
