import type { ConversationSummary, PathMessage } from '../../../shared/contract';
import { conversationFileSchema, type ConversationFile } from '../../../shared/contract/conversation-file';
import { SwitchboardError } from '../../../shared/errors/codes';

/** At most this many problems are named when a file is refused. */
const maxProblems = 3;

const notAnExport = (why: string) =>
  new SwitchboardError(
    'INVALID_INPUT',
    `That file is not a conversation exported from Switchboard as JSON: ${why}. Nothing was imported; export the conversation again with "Export as JSON".`,
  );

/** A JSON export, checked whole before anything is imported; a bad file is refused naming what is wrong. */
export function parseConversationFile(text: string): ConversationFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw notAnExport(`it is not JSON (${(error as Error).message})`);
  }
  const parsed = conversationFileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, maxProblems).map((issue) => {
    const where = issue.path.reduce<string>(
      (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)),
      '',
    );
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = parsed.error.issues.length - problems.length;
  throw notAnExport(problems.join('; ') + (more > 0 ? ` (and ${more} more)` : ''));
}

/** A file name from a title: letters, digits and dashes, never empty. */
export function exportFileName(title: string, extension: 'md' | 'json'): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${base || 'conversation'}.${extension}`;
}

const settingLabels: [keyof ConversationSummary['settings'], string][] = [
  ['temperature', 'temperature'],
  ['maxOutputTokens', 'max output tokens'],
  ['topP', 'top P'],
  ['seed', 'seed'],
];

function answerNote(message: PathMessage): string {
  const usage = message.usage;
  const notes: string[] = [message.status ?? 'ok'];
  if (usage?.timeToFirstTokenMs != null) notes.push(`${Math.round(usage.timeToFirstTokenMs)} ms to first token`);
  if (usage?.tokensPerSecond != null) notes.push(`${usage.tokensPerSecond} tok/s`);
  if (usage?.costUSD != null) notes.push(`$${usage.costUSD.toFixed(6)}`);
  return notes.join(' · ');
}

/** The branch a conversation shows, to read: each question and answer under a heading, with the answer's model. */
export function conversationMarkdown(
  conversation: ConversationSummary,
  messages: PathMessage[],
  exportedAt: string,
): string {
  const lines = [`# ${conversation.title}`, '', `Exported from Switchboard on ${exportedAt}.`];
  if (conversation.modelId) lines.push(`Model: \`${conversation.modelId}\`.`);
  const { system } = conversation.settings;
  const settings = settingLabels.flatMap(([key, label]) => {
    const value = conversation.settings[key];
    return value === undefined ? [] : [`${label} ${value}`];
  });
  if (settings.length > 0) lines.push(`Settings: ${settings.join(', ')}.`);
  if (system) lines.push('', '## System prompt', '', system);
  for (const message of messages) {
    if (message.role === 'system') {
      lines.push('', '## System prompt', '', message.content);
      continue;
    }
    lines.push('', message.role === 'user' ? '## You' : `## ${message.model ?? 'Answer'}`, '');
    if (message.role === 'assistant') lines.push(`_${answerNote(message)}_`, '');
    if (message.content) lines.push(message.content, '');
    if (message.attachments.length > 0) {
      const files = message.attachments.map(
        (file) => `${file.name} (${file.kind === 'image' ? 'image' : 'text file'})`,
      );
      lines.push(`Attached: ${files.join(', ')}`, '');
    }
    const failed = message.usage?.attempts.filter((attempt) => attempt.error) ?? [];
    for (const attempt of failed) lines.push(`- ${attempt.target} failed: ${attempt.error!.message}`);
    if (failed.length > 0) lines.push('');
    if (message.status && message.status !== 'ok' && message.usage?.error) lines.push(`> ${message.usage.error}`, '');
    if (message.versionIds.length > 1) {
      lines.push(`_Version ${message.versionIds.indexOf(message.id) + 1} of ${message.versionIds.length}._`, '');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
